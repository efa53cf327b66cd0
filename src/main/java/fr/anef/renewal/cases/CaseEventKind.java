package fr.anef.renewal.cases;

/**
 * What a line of a case's history says happened, with its French label (the history pages show it).
 * The name is what {@code case_event.kind} stores: never rename one (earlier lines keep it; the
 * managers' figures read {@link #STATUS_MEDICAL_INSTRUCTION} and {@link #DOCUMENTS_REVIEWED}).
 */
public enum CaseEventKind {
  // Dépôt (module filing)
  DRAFT_OPENED("Demande commencée"),
  STEP_SAVED("Étape enregistrée"),
  FILES_ATTACHED("Justificatifs joints"),
  FILE_REMOVED("Justificatif retiré"),
  ABANDONED("Demande abandonnée"),
  DEPOSITED("Demande déposée"),
  RECEIPT_ISSUED("Attestation de dépôt délivrée"),
  TRANSFERRED("Demande transférée à une autre préfecture"),
  // Notifications
  NOTIFICATION_SENT("Notification envoyée"),
  NOTIFICATION_READ("Notification lue"),
  // Instruction
  DOCUMENTS_REVIEWED("Justificatifs examinés"),
  COMPLEMENT_ANSWERED("Complément envoyé"),
  CERTIFICATE_NOT_RECEIVED("Certificat médical non reçu par l'OFII"),
  CERTIFICATE_FOLLOW_UP("Suite donnée à l'absence de certificat médical"),
  OFII_CONVOCATION("Convocation par l'OFII"),
  OPINION_RECEIVED("Avis médical de l'OFII reçu"),
  // Changements de statut (Cases.moveTo), one per CaseStatus: « Statut : <libellé du statut> »
  STATUS_DRAFT(CaseStatus.DRAFT),
  STATUS_ABANDONED(CaseStatus.ABANDONED),
  STATUS_DEPOSITED(CaseStatus.DEPOSITED),
  STATUS_IN_REVIEW(CaseStatus.IN_REVIEW),
  STATUS_COMPLEMENT_REQUESTED(CaseStatus.COMPLEMENT_REQUESTED),
  STATUS_MEDICAL_INSTRUCTION(CaseStatus.MEDICAL_INSTRUCTION),
  STATUS_IMPLICITLY_REJECTED(CaseStatus.IMPLICITLY_REJECTED),
  STATUS_FAVOURABLE(CaseStatus.FAVOURABLE),
  STATUS_REFUSED(CaseStatus.REFUSED),
  STATUS_CLOSED_INCOMPLETE(CaseStatus.CLOSED_INCOMPLETE);

  private final String label;
  private final CaseStatus status;

  CaseEventKind(String label) {
    this.label = label;
    this.status = null;
  }

  CaseEventKind(CaseStatus status) {
    this.label = "Statut : " + status.label();
    this.status = status;
  }

  /** The French label the history shows. */
  public String label() {
    return label;
  }

  /** The line a change to {@code status} writes. */
  public static CaseEventKind statusChange(CaseStatus status) {
    return valueOf("STATUS_" + status.name());
  }

  /** The status this line records a change to, or null for any other line. */
  public CaseStatus status() {
    return status;
  }
}
