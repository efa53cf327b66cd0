package fr.anef.renewal.filing;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.processes.RenewalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Enregistrer le dépôt »: the N° de la demande becomes the business key; the date of « 4 mois
 * sans décision » is stored for its timer.
 */
@Component("depositApplicationDelegate")
class DepositApplicationDelegate implements JavaDelegate {

  private final FilingService filing;

  DepositApplicationDelegate(FilingService filing) {
    this.filing = filing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestNumber = filing.deposit(execution.getProcessInstanceId());
    execution.setProcessBusinessKey(requestNumber);
    execution.setVariable(RenewalProcess.VAR_REQUEST_NUMBER, requestNumber);
    execution.setVariable(RenewalProcess.VAR_CASE_STATUS, CaseStatus.DEPOSITED.code());
    filing
        .implicitRejectionDate(execution.getProcessInstanceId())
        .ifPresent(date -> execution.setVariable(RenewalProcess.VAR_IMPLICIT_REJECTION_DATE, date));
  }
}
