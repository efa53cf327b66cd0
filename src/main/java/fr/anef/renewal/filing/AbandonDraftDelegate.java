package fr.anef.renewal.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Clôturer le brouillon »: the draft is closed, nothing is filed. */
@Component("abandonDraftDelegate")
class AbandonDraftDelegate implements JavaDelegate {

  private final FilingService filing;

  AbandonDraftDelegate(FilingService filing) {
    this.filing = filing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    filing.abandon(execution.getProcessInstanceId());
  }
}
