package fr.anef.renewal.filing;

import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.FormVariables;
import fr.anef.renewal.shared.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Ouvrir le brouillon de la demande »: runs in the starter's transaction, with the starter's
 * identity.
 */
@Component("openDraftDelegate")
class OpenDraftDelegate implements JavaDelegate {

  private final FilingService filing;

  OpenDraftDelegate(FilingService filing) {
    this.filing = filing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(
        filing.openDraft(
            execution.getProcessInstanceId(),
            ProcessActors.authentication(execution),
            FilingForms.StartRenewal.from(FormVariables.of(execution)),
            execution.getVariable(RenewalProcess.VAR_COUNTER_APPLICANT_ID)));
  }
}
