package fr.anef.renewal.medical;

import fr.anef.renewal.shared.FormEndListener;
import fr.anef.renewal.shared.FormVariables;
import fr.anef.renewal.shared.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** One-line adapters between {@code ofii-medical-opinion} and {@link MedicalFiles}. */
final class MedicalDelegates {

  private MedicalDelegates() {}

  static String doctor(DelegateExecution execution) {
    return ProcessActors.userOr(execution, "ofii");
  }

  /** The end of an OFII form task (cancelled when the préfecture closed the file). */
  abstract static class OfiiFormEnd extends FormEndListener {
    final MedicalFiles files;

    OfiiFormEnd(MedicalFiles files) {
      this.files = files;
    }
  }

  /** An OFII form task: shows the identity and the file's summary on create, records on end. */
  abstract static class OfiiFormTask extends OfiiFormEnd implements TaskListener {
    OfiiFormTask(MedicalFiles files) {
      super(files);
    }

    @Override
    public void notify(DelegateTask task) {
      task.setVariables(files.formVariables(task.getProcessInstanceId()));
    }
  }

  @Component("openMedicalFileDelegate")
  static class OpenMedicalFile implements JavaDelegate {
    private final MedicalFiles files;

    OpenMedicalFile(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(
          MedicalFiles.VAR_MEDICAL_FILE_ID,
          files.open(
              execution.getProcessInstanceId(),
              execution.getProcessBusinessKey(),
              execution.getVariables()));
    }
  }

  /**
   * On every OFII task: fills the identity and the file's summary; records the certificate's
   * receipt on end, and stores the opinion's due date for « 3 mois sans avis ».
   */
  @Component("registerCertificateListener")
  static class RegisterCertificate extends OfiiFormTask {
    RegisterCertificate(MedicalFiles files) {
      super(files);
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      files.registerCertificate(
          execution.getProcessInstanceId(),
          OfiiForms.RegisterCertificate.from(FormVariables.of(execution)),
          doctor(execution));
      execution.setVariable(
          MedicalFiles.VAR_OPINION_DUE_DATE,
          files.opinionDueDateText(execution.getProcessInstanceId()));
    }
  }

  @Component("certificateReceivedDelegate")
  static class CertificateReceived implements JavaDelegate {
    private final MedicalFiles files;

    CertificateReceived(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      files.notifyPrefecture(execution.getProcessInstanceId());
    }
  }

  @Component("opinionOverdueDelegate")
  static class OpinionOverdue implements JavaDelegate {
    private final MedicalFiles files;

    OpinionOverdue(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      files.flagOverdue(execution.getProcessInstanceId());
    }
  }

  @Component("medicalReportListener")
  static class MedicalReport extends OfiiFormTask {
    MedicalReport(MedicalFiles files) {
      super(files);
    }

    @Override
    public void notify(DelegateTask task) {
      task.removeVariable("reportAction");
      super.notify(task);
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      execution.setVariable(
          "reportAction",
          files.recordReport(
              execution.getProcessInstanceId(),
              OfiiForms.Report.from(FormVariables.of(execution)),
              doctor(execution)));
    }
  }

  @Component("treatingDoctorRequestDelegate")
  static class TreatingDoctorRequest implements JavaDelegate {
    private final MedicalFiles files;

    TreatingDoctorRequest(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      // The next form shows the questions: set here, by the server, from what was recorded.
      execution.setVariable(
          "treatingDoctorQuestions",
          files.recordInformationRequest(
              execution.getProcessInstanceId(),
              OfiiForms.Report.from(FormVariables.of(execution)),
              doctor(execution)));
      execution.setVariables(files.formVariables(execution.getProcessInstanceId()));
    }
  }

  @Component("treatingDoctorAnswerListener")
  static class TreatingDoctorAnswer extends OfiiFormEnd {
    TreatingDoctorAnswer(MedicalFiles files) {
      super(files);
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      files.recordTreatingDoctorAnswer(
          execution.getProcessInstanceId(),
          OfiiForms.TreatingDoctorAnswer.from(FormVariables.of(execution)),
          doctor(execution));
    }
  }

  @Component("treatingDoctorSilenceDelegate")
  static class TreatingDoctorSilence implements JavaDelegate {
    private final MedicalFiles files;

    TreatingDoctorSilence(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      files.recordTreatingDoctorSilence(execution.getProcessInstanceId());
    }
  }

  @Component("convocationDelegate")
  static class Convene implements JavaDelegate {
    private final MedicalFiles files;
    private final Convocations convocations;

    Convene(MedicalFiles files, Convocations convocations) {
      this.files = files;
      this.convocations = convocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      convocations.send(
          files.convocation(
              execution.getProcessInstanceId(),
              OfiiForms.Report.from(FormVariables.of(execution))));
    }
  }

  @Component("collegeOpinionListener")
  static class CollegeOpinion extends OfiiFormTask {
    CollegeOpinion(MedicalFiles files) {
      super(files);
    }

    @Override
    protected void submitted(DelegateExecution execution) {
      files.recordVote(
          execution.getProcessInstanceId(),
          OfiiForms.CollegeOpinion.from(FormVariables.of(execution)),
          doctor(execution));
    }
  }

  @Component("consolidateOpinionDelegate")
  static class ConsolidateOpinion implements JavaDelegate {
    private final MedicalFiles files;

    ConsolidateOpinion(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      files.consolidate(execution.getProcessInstanceId());
    }
  }

  @Component("sendOpinionDelegate")
  static class SendOpinion implements JavaDelegate {
    private final MedicalFiles files;

    SendOpinion(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      files.sendOpinion(execution.getProcessInstanceId());
    }
  }

  /** « Clore le dossier médical », in the event subprocess « Dossier clos par la préfecture ». */
  @Component("closeMedicalFileDelegate")
  static class CloseMedicalFile implements JavaDelegate {
    private final MedicalFiles files;

    CloseMedicalFile(MedicalFiles files) {
      this.files = files;
    }

    @Override
    public void execute(DelegateExecution execution) {
      files.close(execution.getProcessInstanceId());
    }
  }
}
