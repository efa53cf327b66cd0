package fr.anef.renewal.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Déterminer les justificatifs requis »: evaluates the DMN « required-documents » for the case.
 */
@Component("requiredDocumentsDelegate")
class RequiredDocumentsDelegate implements JavaDelegate {

  private final FilingService filing;

  RequiredDocumentsDelegate(FilingService filing) {
    this.filing = filing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    filing.determineRequiredDocuments(execution.getProcessInstanceId());
  }
}
