package fr.anef.renewal.filing;

import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.FormVariables;
import fr.anef.renewal.shared.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the four applicant steps. Task « create »: clears the previous choice and fills the step's
 * display variables. Execution « end » (not task « complete », whose exceptions the engine wraps
 * into HTTP 500): validates and saves the step; a refusal reaches Tasklist and the REST API as HTTP
 * 400 in French.
 */
@Component("applicantStepListener")
class ApplicantStepListener implements TaskListener, ExecutionListener {

  private final FilingService filing;

  ApplicantStepListener(FilingService filing) {
    this.filing = filing;
  }

  @Override
  public void notify(DelegateTask task) {
    task.removeVariable(RenewalProcess.VAR_ACTION);
    FilingService.StepDisplay step =
        filing.prepareStep(task.getProcessInstanceId(), task.getTaskDefinitionKey());
    task.setVariables(step.variables());
    step.counterLabel().ifPresent(label -> task.setName(task.getName() + " — " + label));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (ProcessActors.cancelled(execution)) {
      return; // the instance is being deleted: nothing to validate
    }
    execution.setVariable(
        RenewalProcess.VAR_ACTION,
        filing.recordStep(
            execution.getProcessInstanceId(),
            execution.getCurrentActivityId(),
            FormVariables.of(execution)));
  }
}
