package fr.anef.renewal.filing;

import fr.anef.renewal.cases.CaseStatus;

/** Stable ids of the process {@code residence-permit-renewal}: the BPMN, the code and the tests share them. */
public final class RenewalProcess {

  public static final String KEY = "residence-permit-renewal";

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
  public static final String REVIEW_APPLICATION = "userTask_reviewApplication";

  public static final String MESSAGE_NOTIFICATION_READ = "NotificationRead";

  /** Variables the process carries: ids and small values. */
  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_APPLICANT_ID = "applicantId";
  /** Who fills the four steps (their assignee): the applicant, or the agent at the counter. */
  public static final String VAR_FILED_BY = "filedBy";
  /** Set by the counter page when an agent opens a renewal for the person at the counter. */
  public static final String VAR_COUNTER_APPLICANT_ID = "counterApplicantId";
  public static final String VAR_REQUEST_NUMBER = "requestNumber";
  public static final String VAR_ACTION = "action";
  /** {@link CaseStatus#code()} of the case, kept current for Cockpit's filters. */
  public static final String VAR_CASE_STATUS = "caseStatus";
  /** When « 4 mois sans décision » fires: set at the dépôt (ISO-8601 with offset), read by the timer. */
  public static final String VAR_IMPLICIT_REJECTION_DATE = "implicitRejectionDate";
  /** Set by a step that waits for the opening of one notification (message {@code NotificationRead}). */
  public static final String VAR_AWAITED_NOTIFICATION_ID = "awaitedNotificationId";

  public static final String GROUP_APPLICANTS = "applicants";
  public static final String GROUP_PREFECTURE_AGENTS = "prefecture-agents";

  private RenewalProcess() {}
}
