package fr.anef.renewal.filing;

/** Statuses of a renewal case, with the words the applicant reads. */
public enum CaseStatus {
  DRAFT("Brouillon"),
  ABANDONED("Abandonnée"),
  DEPOSITED("Déposée, en attente d'examen");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
