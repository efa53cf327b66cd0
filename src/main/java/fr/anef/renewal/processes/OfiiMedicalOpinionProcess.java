package fr.anef.renewal.processes;

import java.util.Set;

/**
 * The contract of OFII's process {@code ofii-medical-opinion} (bpmn/ofii-medical-opinion.bpmn): its
 * key, the ids of the elements the code and the tests name, its messages and the size of the
 * college. Checked against the BPMN file by {@code ProcessContractsTests}.
 */
public final class OfiiMedicalOpinionProcess {

  public static final String KEY = "ofii-medical-opinion";

  /**
   * Variables the server writes for OFII's forms to show (the file's and the report's summaries):
   * no engine history of them (ADR 0040), so no medical text in it.
   */
  public static final Set<String> DISPLAY_ONLY_VARIABLES =
      Set.of("medicalFileSummary", "reportSummary", "reportAuthor");

  /** The préfecture's referral starts the process (message start event). */
  public static final String MESSAGE_REFERRAL = "OfiiReferral";

  /** The préfecture closed the case: the medical file closes, nothing is sent back. */
  public static final String MESSAGE_CASE_CLOSED = "OfiiCaseClosed";

  public static final String REFERRAL = "startEvent_referral";
  public static final String OPEN_MEDICAL_FILE = "serviceTask_openMedicalFile";
  public static final String REGISTER_CERTIFICATE = "userTask_registerCertificate";
  public static final String NOTIFY_CERTIFICATE_RECEIVED = "serviceTask_notifyCertificateReceived";
  public static final String MEDICAL_REVIEW = "subProcess_medicalReview";
  public static final String WRITE_REPORT = "userTask_writeReport";
  public static final String REPORT_ACTION = "gateway_reportAction";
  public static final String CONVENE_APPLICANT = "serviceTask_conveneApplicant";
  public static final String REQUEST_TREATING_DOCTOR_INFO = "serviceTask_requestTreatingDoctorInfo";
  public static final String REGISTER_TREATING_DOCTOR_ANSWER =
      "userTask_registerTreatingDoctorAnswer";
  public static final String RECORD_TREATING_DOCTOR_SILENCE =
      "serviceTask_recordTreatingDoctorSilence";
  public static final String COLLEGE_OPINION = "userTask_collegeOpinion";
  public static final String CONSOLIDATE_OPINION = "serviceTask_consolidateOpinion";
  public static final String SEND_OPINION = "serviceTask_sendOpinion";
  public static final String OPINION_SENT = "endEvent_opinionSent";
  public static final String FLAG_OVERDUE = "serviceTask_flagOverdue";
  public static final String CASE_CLOSED = "subProcess_caseClosed";
  public static final String CLOSE_MEDICAL_FILE = "serviceTask_closeMedicalFile";
  public static final String MEDICAL_FILE_CLOSED = "endEvent_medicalFileClosed";

  /** « 15 jours sans réponse »: the treating doctor's time to answer. */
  public static final String TIMER_TREATING_DOCTOR_SILENCE = "boundaryTimer_treatingDoctorSilence";

  /** « 3 mois sans avis »: the college's opinion is due after the certificate. */
  public static final String TIMER_OPINION_OVERDUE = "boundaryTimer_opinionOverdue";

  /**
   * The college of OFII doctors that gives the opinion (arrêté du 27/12/2016, art. 6): three
   * doctors, none the report's author; the multi-instance « Avis du collège de médecins » has this
   * cardinality.
   */
  public static final int COLLEGE_SIZE = 3;

  private OfiiMedicalOpinionProcess() {}
}
