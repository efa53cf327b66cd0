package fr.anef.renewal.management;

/**
 * The durations the managers' view measures, each read from where the application already keeps its
 * ends: the dépôt ({@code renewal_case.deposited_at}), the first review ({@code
 * renewal_case.first_reviewed_at}, the first « DOCUMENTS_REVIEWED » of its history), a complement
 * round ({@code complement_request.requested_at → answered_at}), the medical phase ({@code
 * renewal_case.medical_started_at}, its first « STATUS_MEDICAL_INSTRUCTION », → {@code
 * medical_opinion.recorded_at}) and the decision ({@code decision.decided_at}).
 */
enum Series {
  REVIEW("Dépôt → premier examen des pièces", true),
  COMPLEMENT("Tour de complément (demande → réponse)", true),
  MEDICAL("Phase médicale (saisine de l'OFII → avis)", true),
  DECISION("Décision (avis → décision)", true),
  TOTAL("Dépôt → décision (ensemble)", true),
  /** For the prediction only: from the medical phase's start to the decision. */
  MEDICAL_TO_DECISION("Saisine de l'OFII → décision", false);

  private final String label;
  private final boolean shown;

  Series(String label, boolean shown) {
    this.label = label;
    this.shown = shown;
  }

  public String label() {
    return label;
  }

  /** Whether the page and the exports show it as a stage. */
  boolean shown() {
    return shown;
  }
}
