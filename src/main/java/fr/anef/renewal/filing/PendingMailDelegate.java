package fr.anef.renewal.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Envoyer les courriels » (async, one mail per job): a failed send fails the job, which the engine
 * retries; the gateway after it loops while mails wait.
 */
@Component("pendingMailDelegate")
class PendingMailDelegate implements JavaDelegate {

  private final DepositReceipts receipts;

  PendingMailDelegate(DepositReceipts receipts) {
    this.receipts = receipts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(RenewalProcess.VAR_MAILS_PENDING, receipts.sendNextMail(execution.getProcessInstanceId()));
  }
}
