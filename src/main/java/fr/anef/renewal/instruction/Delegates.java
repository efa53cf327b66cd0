package fr.anef.renewal.instruction;

import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.FormEndListener;
import fr.anef.renewal.shared.FormVariables;
import fr.anef.renewal.shared.ProcessActors;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * One-line adapters between {@code residence-permit-renewal}'s instruction and the services of this
 * module.
 */
final class Delegates {

  /** Variable read by the gateway after the subprocess: FAVOURABLE, REFUSAL or INCOMPLETE. */
  static final String VAR_OUTCOME = "instructionOutcome";

  private Delegates() {}

  static String actor(DelegateExecution execution) {
    return ProcessActors.userOr(execution, "agent");
  }

  /** The notification whose reading starts the step's deadline (ADR 0003). */
  static void awaitNotification(DelegateExecution execution, UUID notificationId) {
    execution.setVariable(RenewalProcess.VAR_AWAITED_NOTIFICATION_ID, notificationId.toString());
  }

  /**
   * An agent's form task: the server fills the form on create and offers it to the case's agent;
   * records on end unless cancelled.
   */
  abstract static class AgentFormTask extends FormEndListener implements TaskListener {
    private final CaseAgent caseAgent;

    AgentFormTask(CaseAgent caseAgent) {
      this.caseAgent = caseAgent;
    }

    @Override
    public final void notify(DelegateTask task) {
      // A null clears what an earlier round showed; a variable that does not exist yet is null to
      // the form already (its conditions and the submission check read both alike): not created.
      formVariables(task)
          .forEach(
              (name, value) -> {
                if (value != null || task.hasVariable(name)) {
                  task.setVariable(name, value);
                }
              });
      caseAgent.assign(task);
    }

    /** The form's variables, computed by the server when the task is created. */
    abstract Map<String, Object> formVariables(DelegateTask task);
  }

  /**
   * « Examiner les pièces justificatives »: fills the form on create (a later round assigned to the
   * case's agent), records the review on end.
   */
  @Component("documentReviewListener")
  static class DocumentReviewListener extends AgentFormTask {
    private final DocumentReviews reviews;

    DocumentReviewListener(DocumentReviews reviews, CaseAgent caseAgent) {
      super(caseAgent);
      this.reviews = reviews;
    }

    @Override
    Map<String, Object> formVariables(DelegateTask task) {
      return reviews.prepare(task.getProcessInstanceId());
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      execution.setVariable(
          "documentsComplete",
          reviews.record(
              execution.getProcessInstanceId(),
              InstructionForms.ReviewApplication.from(FormVariables.of(execution)),
              actor(execution)));
      execution.removeVariable("privateNote");
    }
  }

  /**
   * « Notifier le demandeur » (element template {@code fr.anef.applicantNotice}): the step's input
   * parameters {@code noticeTitle} and {@code noticeText}, written by the analyst in Modeler.
   */
  @Component("applicantNoticeDelegate")
  static class ApplicantNoticeDelegate implements JavaDelegate {
    private final CaseNotices notices;

    ApplicantNoticeDelegate(CaseNotices notices) {
      this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
      notices.publishStep(
          execution.getProcessInstanceId(),
          execution.getActivityInstanceId(),
          (String) execution.getVariableLocal("noticeTitle"),
          (String) execution.getVariableLocal("noticeText"));
    }
  }

  @Component("requestComplementDelegate")
  static class RequestComplementDelegate implements JavaDelegate {
    private final Complements complements;

    RequestComplementDelegate(Complements complements) {
      this.complements = complements;
    }

    @Override
    public void execute(DelegateExecution execution) {
      awaitNotification(execution, complements.request(execution.getProcessInstanceId()));
    }
  }

  @Component("remindComplementDelegate")
  static class RemindComplementDelegate implements JavaDelegate {
    private final Complements complements;

    RemindComplementDelegate(Complements complements) {
      this.complements = complements;
    }

    @Override
    public void execute(DelegateExecution execution) {
      complements.remind(execution.getProcessInstanceId());
    }
  }

  @Component("closeIncompleteDelegate")
  static class CloseIncompleteDelegate implements JavaDelegate {
    private final Complements complements;

    CloseIncompleteDelegate(Complements complements) {
      this.complements = complements;
    }

    @Override
    public void execute(DelegateExecution execution) {
      complements.closeIncomplete(execution.getProcessInstanceId());
      execution.setVariable(VAR_OUTCOME, "INCOMPLETE");
    }
  }

  @Component("closureNotificationDelegate")
  static class ClosureNotificationDelegate implements JavaDelegate {
    private final Complements complements;

    ClosureNotificationDelegate(Complements complements) {
      this.complements = complements;
    }

    @Override
    public void execute(DelegateExecution execution) {
      complements.notifyClosure(execution.getProcessInstanceId());
    }
  }

  @Component("enterMedicalPhaseDelegate")
  static class EnterMedicalPhaseDelegate implements JavaDelegate {
    private final MedicalPhase medical;

    EnterMedicalPhaseDelegate(MedicalPhase medical) {
      this.medical = medical;
    }

    @Override
    public void execute(DelegateExecution execution) {
      awaitNotification(execution, medical.enter(execution.getProcessInstanceId()));
    }
  }

  @Component("certificateMissingDelegate")
  static class CertificateMissingDelegate implements JavaDelegate {
    private final MedicalPhase medical;

    CertificateMissingDelegate(MedicalPhase medical) {
      this.medical = medical;
    }

    @Override
    public void execute(DelegateExecution execution) {
      medical.certificateMissing(execution.getProcessInstanceId());
    }
  }

  /**
   * « Certificat médical non reçu : décider de la suite »: clears the choice on create, records it
   * on end.
   */
  @Component("certificateMissingTaskListener")
  static class CertificateMissingTaskListener extends AgentFormTask {
    private final MedicalPhase medical;

    CertificateMissingTaskListener(MedicalPhase medical, CaseAgent caseAgent) {
      super(caseAgent);
      this.medical = medical;
    }

    @Override
    Map<String, Object> formVariables(DelegateTask task) {
      task.removeVariable("certificateFollowUp");
      return medical.followUpFormVariables(
          task.getProcessInstanceId(), task.getVariable("notificationReadAt"));
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      execution.setVariable(
          "certificateFollowUp",
          medical.followUp(
              execution.getProcessInstanceId(),
              InstructionForms.CertificateNotReceived.from(FormVariables.of(execution)),
              execution.getVariable(Prolongations.VAR_CERTIFICATE_RECEIVED),
              actor(execution)));
    }
  }

  /**
   * On « Certificat médical reçu par l'OFII » (the prolongations' branch): stores the first
   * attestation's day for the timer « Expiration du titre ».
   */
  @Component("prolongationStartListener")
  static class ProlongationStartListener extends FormEndListener {
    private final Prolongations prolongations;

    ProlongationStartListener(Prolongations prolongations) {
      this.prolongations = prolongations;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      execution.setVariable(
          Prolongations.VAR_START_DATE,
          prolongations.startDate(
              execution.getProcessInstanceId(),
              execution.getVariable(Prolongations.VAR_CERTIFICATE_RECEIVED)));
    }
  }

  @Component("medicalOutcomeDelegate")
  static class MedicalOutcomeDelegate implements JavaDelegate {
    private final MedicalPhase medical;

    MedicalOutcomeDelegate(MedicalPhase medical) {
      this.medical = medical;
    }

    @Override
    public void execute(DelegateExecution execution) {
      medical.recordOutcome(execution.getProcessInstanceId(), execution.getVariables());
    }
  }

  /** « Décider de la demande »: fills the form on create, records the decision on end. */
  @Component("decisionTaskListener")
  static class DecisionTaskListener extends AgentFormTask {
    private final Decisions decisions;

    DecisionTaskListener(Decisions decisions, CaseAgent caseAgent) {
      super(caseAgent);
      this.decisions = decisions;
    }

    @Override
    Map<String, Object> formVariables(DelegateTask task) {
      return decisions.prepare(task.getProcessInstanceId());
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      execution.setVariable(
          VAR_OUTCOME,
          decisions.record(
              execution.getProcessInstanceId(),
              InstructionForms.DecisionForm.from(FormVariables.of(execution)),
              actor(execution)));
    }
  }

  @Component("favourableDecisionDelegate")
  static class FavourableDecisionDelegate implements JavaDelegate {
    private final Decisions decisions;

    FavourableDecisionDelegate(Decisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
      decisions.notifyFavourable(execution.getProcessInstanceId());
    }
  }

  @Component("refusalDecisionDelegate")
  static class RefusalDecisionDelegate implements JavaDelegate {
    private final Decisions decisions;

    RefusalDecisionDelegate(Decisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
      decisions.notifyRefusal(execution.getProcessInstanceId());
    }
  }

  @Component("prolongationDelegate")
  static class ProlongationDelegate implements JavaDelegate {
    private final Prolongations prolongations;

    ProlongationDelegate(Prolongations prolongations) {
      this.prolongations = prolongations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      prolongations.issue(execution.getProcessInstanceId());
    }
  }

  @Component("implicitRejectionDelegate")
  static class ImplicitRejectionDelegate implements JavaDelegate {
    private final ImplicitRejection implicitRejection;

    ImplicitRejectionDelegate(ImplicitRejection implicitRejection) {
      this.implicitRejection = implicitRejection;
    }

    @Override
    public void execute(DelegateExecution execution) {
      implicitRejection.mark(execution.getProcessInstanceId());
    }
  }
}
