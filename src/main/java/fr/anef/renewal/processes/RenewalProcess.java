package fr.anef.renewal.processes;

import java.util.List;
import java.util.Set;

/**
 * The contract of the process {@code residence-permit-renewal}
 * (bpmn/residence-permit-renewal.bpmn): its key, the ids of the elements the code and the tests
 * name, its messages and its variables. The code and the tests use these constants, never the
 * strings; {@code ProcessContractsTests} checks every id and message here against the BPMN file, so
 * that a rename in Modeler fails a test, not a case.
 */
public final class RenewalProcess {

  public static final String KEY = "residence-permit-renewal";

  /**
   * Variables the server writes for a form to show and nothing reads back (the register's identity
   * on step 1, the recaps): recomputed from the application's tables at each task, so the engine
   * keeps no history of them ({@code engine.PrivateVariables}, ADR 0040). No form lets an actor
   * write one ({@code FormContractTests}).
   */
  public static final Set<String> DISPLAY_ONLY_VARIABLES =
      Set.of(
          "currentTitleSummary",
          "filingWindow",
          "birthName",
          "usageName",
          "firstNames",
          "sex",
          "birthDate",
          "birthCountry",
          "birthPlace",
          "nationality",
          "addressLine",
          "postalCode",
          "city",
          "country",
          "requiredDocumentsList",
          "depositSummary",
          "reviewFileLinks",
          "complementHistory",
          "caseStatusLabel",
          "applicantObservations",
          "opinionSummary");

  /**
   * The review form's per-document display blocks: a document's label and its file names (the
   * verdicts and observations the agent writes in the same blocks are not display-only).
   */
  public static final List<String> DISPLAY_ONLY_PREFIXES = List.of("label_", "files_");

  public static final String START = "startEvent_renewalRequested";
  public static final String OPEN_DRAFT = "serviceTask_openDraft";
  public static final String PERSONAL_INFORMATION = "userTask_personalInformation";
  public static final String REASON_FOR_STAY = "userTask_reasonForStay";
  public static final String REQUIRED_DOCUMENTS = "businessRuleTask_requiredDocuments";
  public static final String SUPPORTING_DOCUMENTS = "userTask_supportingDocuments";
  public static final String DEPOSIT = "userTask_deposit";
  public static final String ABANDON_DRAFT = "serviceTask_abandonDraft";
  public static final String DRAFT_ABANDONED = "endEvent_draftAbandoned";
  public static final String DEPOSIT_APPLICATION = "serviceTask_depositApplication";
  public static final String ISSUE_DEPOSIT_RECEIPT = "serviceTask_issueDepositReceipt";

  /** The instruction (« Instruction de la demande »): the préfecture's part, after the dépôt. */
  public static final String INSTRUCTION = "subProcess_instruction";

  public static final String REVIEW_APPLICATION = "userTask_reviewApplication";
  public static final String DOCUMENTS_COMPLETE = "gateway_documentsComplete";
  public static final String REQUEST_COMPLEMENT = "serviceTask_requestComplement";
  public static final String COMPLEMENT_READ = "eventGateway_complementRead";
  public static final String COMPLEMENT_ANSWER = "eventGateway_complementAnswer";
  public static final String ENTER_MEDICAL_PHASE = "serviceTask_enterMedicalPhase";
  public static final String CERTIFICATE_NOTICE_READ = "eventGateway_certificateNoticeRead";
  public static final String CERTIFICATE_DELIVERY = "eventGateway_certificateDelivery";
  public static final String CERTIFICATE_NOT_RECEIVED = "userTask_certificateNotReceived";
  public static final String MEDICAL_OUTCOME = "eventGateway_medicalOutcome";
  public static final String DECIDE = "userTask_decide";
  public static final String INSTRUCTION_OUTCOME = "gateway_instructionOutcome";
  public static final String NOTIFY_CLOSURE = "serviceTask_notifyClosure";
  public static final String NOTIFY_FAVOURABLE_DECISION = "serviceTask_notifyFavourableDecision";
  public static final String NOTIFY_REFUSAL = "serviceTask_notifyRefusal";
  public static final String GRANTED = "endEvent_granted";
  public static final String REFUSED = "endEvent_refused";
  public static final String CLOSED_INCOMPLETE = "endEvent_closedIncomplete";

  /** Timers (their durations: {@code models.ProcedureTimers}). « 15 jours sans lecture ». */
  public static final String TIMER_COMPLEMENT_UNREAD = "intermediateTimer_complementUnread";

  /** « 30 jours sans réponse ». */
  public static final String TIMER_COMPLEMENT_DEADLINE = "intermediateTimer_complementDeadline";

  /** « Un mois sans certificat ». */
  public static final String TIMER_CERTIFICATE_DEADLINE = "intermediateTimer_certificateDeadline";

  /** « Expiration du titre »: the first prolongation attestation. */
  public static final String TIMER_PROLONGATION_START = "intermediateTimer_prolongationStart";

  /** « 3 mois plus tard »: the next prolongation attestation. */
  public static final String TIMER_NEXT_PROLONGATION = "intermediateTimer_nextProlongation";

  /** « 4 mois sans décision ». */
  public static final String TIMER_IMPLICIT_REJECTION = "intermediateTimer_implicitRejection";

  /**
   * Messages the renewal waits for (their names in the BPMN). A notification the process awaits was
   * opened.
   */
  public static final String MESSAGE_NOTIFICATION_READ = "NotificationRead";

  /** The applicant answered a complement request. */
  public static final String MESSAGE_COMPLEMENT_REPLY = "ComplementReply";

  /** OFII's college sent its opinion (sent by OFII's process). */
  public static final String MESSAGE_OFII_OPINION = "OfiiOpinion";

  /** OFII received the medical certificate (sent by OFII's process). */
  public static final String MESSAGE_CERTIFICATE_RECEIVED = "MedicalCertificateReceived";

  /** OFII did not receive the certificate: the préfecture decides without an opinion. */
  public static final String MESSAGE_CERTIFICATE_NOT_RECEIVED = "MedicalCertificateNotReceived";

  /** Variables the process carries: ids and small values. */
  public static final String VAR_CASE_ID = "caseId";

  public static final String VAR_APPLICANT_ID = "applicantId";

  /** Who fills the four steps (their assignee): the applicant, or the agent at the counter. */
  public static final String VAR_FILED_BY = "filedBy";

  /** Set by the counter page when an agent opens a renewal for the person at the counter. */
  public static final String VAR_COUNTER_APPLICANT_ID = "counterApplicantId";

  public static final String VAR_REQUEST_NUMBER = "requestNumber";
  public static final String VAR_ACTION = "action";

  /**
   * {@code CaseStatus.code()} of the case, kept current for Cockpit's filters (written by {@code
   * Cases.moveTo}).
   */
  public static final String VAR_CASE_STATUS = "caseStatus";

  /**
   * When « 4 mois sans décision » fires: set at the dépôt (ISO-8601 with offset), read by the
   * timer.
   */
  public static final String VAR_IMPLICIT_REJECTION_DATE = "implicitRejectionDate";

  /**
   * Set by a step that waits for the opening of one notification (message {@code
   * NotificationRead}).
   */
  public static final String VAR_AWAITED_NOTIFICATION_ID = "awaitedNotificationId";

  private RenewalProcess() {}
}
