package fr.anef.renewal.instruction;

import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.FormVariables;
import fr.anef.renewal.shared.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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

  static boolean cancelled(DelegateExecution execution) {
    return ProcessActors.cancelled(execution);
  }

  /**
   * « Examiner les pièces justificatives »: fills the form on create (a later round assigned to the
   * case's agent), records the review on end.
   */
  @Component("documentReviewListener")
  static class DocumentReviewListener implements TaskListener, ExecutionListener {
    private final DocumentReviews reviews;
    private final CaseAgent caseAgent;

    DocumentReviewListener(DocumentReviews reviews, CaseAgent caseAgent) {
      this.reviews = reviews;
      this.caseAgent = caseAgent;
    }

    @Override
    public void notify(DelegateTask task) {
      task.setVariables(reviews.prepare(task.getProcessInstanceId()));
      caseAgent.assign(task);
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (cancelled(execution)) {
        return;
      }
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
      execution.setVariable(
          RenewalProcess.VAR_AWAITED_NOTIFICATION_ID,
          complements.request(execution.getProcessInstanceId()).toString());
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
      execution.setVariable(
          RenewalProcess.VAR_AWAITED_NOTIFICATION_ID,
          medical.enter(execution.getProcessInstanceId()).toString());
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
  static class CertificateMissingTaskListener implements TaskListener, ExecutionListener {
    private final MedicalPhase medical;
    private final CaseAgent caseAgent;

    CertificateMissingTaskListener(MedicalPhase medical, CaseAgent caseAgent) {
      this.medical = medical;
      this.caseAgent = caseAgent;
    }

    @Override
    public void notify(DelegateTask task) {
      task.removeVariable("certificateFollowUp");
      task.setVariables(
          medical.followUpFormVariables(
              task.getProcessInstanceId(), task.getVariable("notificationReadAt")));
      caseAgent.assign(task);
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!cancelled(execution)) {
        execution.setVariable(
            "certificateFollowUp",
            medical.followUp(
                execution.getProcessInstanceId(),
                InstructionForms.CertificateNotReceived.from(FormVariables.of(execution)),
                execution.getVariable(Prolongations.VAR_CERTIFICATE_RECEIVED),
                actor(execution)));
      }
    }
  }

  /**
   * On « Certificat médical reçu par l'OFII » (the prolongations' branch): stores the first
   * attestation's day for the timer « Expiration du titre ».
   */
  @Component("prolongationStartListener")
  static class ProlongationStartListener implements ExecutionListener {
    private final Prolongations prolongations;

    ProlongationStartListener(Prolongations prolongations) {
      this.prolongations = prolongations;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!cancelled(execution)) {
        execution.setVariable(
            Prolongations.VAR_START_DATE,
            prolongations.startDate(
                execution.getProcessInstanceId(),
                execution.getVariable(Prolongations.VAR_CERTIFICATE_RECEIVED)));
      }
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
  static class DecisionTaskListener implements TaskListener, ExecutionListener {
    private final Decisions decisions;
    private final CaseAgent caseAgent;

    DecisionTaskListener(Decisions decisions, CaseAgent caseAgent) {
      this.decisions = decisions;
      this.caseAgent = caseAgent;
    }

    @Override
    public void notify(DelegateTask task) {
      task.setVariables(decisions.prepare(task.getProcessInstanceId()));
      caseAgent.assign(task);
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!cancelled(execution)) {
        execution.setVariable(
            VAR_OUTCOME,
            decisions.record(
                execution.getProcessInstanceId(),
                InstructionForms.DecisionForm.from(FormVariables.of(execution)),
                actor(execution)));
      }
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
