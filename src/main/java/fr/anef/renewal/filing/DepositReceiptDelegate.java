package fr.anef.renewal.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Émettre l'attestation de dépôt » (async, idempotent). */
@Component("depositReceiptDelegate")
class DepositReceiptDelegate implements JavaDelegate {

  private final DepositReceipts receipts;

  DepositReceiptDelegate(DepositReceipts receipts) {
    this.receipts = receipts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    receipts.issue(execution.getProcessInstanceId());
  }
}
