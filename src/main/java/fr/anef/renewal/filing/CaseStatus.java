package fr.anef.renewal.filing;

/**
 * Statuses of a renewal case, with the words of the procedure. {@link #code()} is the value of the
 * process variable {@code caseStatus}, for agents to filter instances in Cockpit.
 */
public enum CaseStatus {
  DRAFT("brouillon", "Brouillon"),
  ABANDONED("abandonnee", "Abandonnée"),
  DEPOSITED("deposee", "Déposée"),
  IN_REVIEW("en_instruction", "En instruction"),
  COMPLEMENT_REQUESTED("complement_demande", "Complément demandé"),
  MEDICAL_INSTRUCTION("instruction_medicale", "Instruction médicale (OFII)"),
  IMPLICITLY_REJECTED("rejet_implicite", "Décision implicite de rejet"),
  FAVOURABLE("decision_favorable", "Décision favorable"),
  REFUSED("refus", "Refus"),
  CLOSED_INCOMPLETE("cloturee_incomplete", "Clôturée (incomplète)");

  private final String code;
  private final String label;

  CaseStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Whether a decision (or a closure) ended the instruction. */
  public boolean isFinal() {
    return this == ABANDONED || this == FAVOURABLE || this == REFUSED || this == CLOSED_INCOMPLETE;
  }
}
