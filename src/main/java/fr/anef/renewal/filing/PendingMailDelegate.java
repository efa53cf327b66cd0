package fr.anef.renewal.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Envoyer les courriels » (async): a failed send fails the job, which the engine retries. */
@Component("pendingMailDelegate")
class PendingMailDelegate implements JavaDelegate {

  private final DepositReceipts receipts;

  PendingMailDelegate(DepositReceipts receipts) {
    this.receipts = receipts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    receipts.sendPendingMails(execution.getProcessInstanceId());
  }
}
