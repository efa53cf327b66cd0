package fr.anef.renewal.mail;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Envoyer le courriel » of {@code mail-dispatch} (async, retried by the engine). */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

  private final MailOutbox outbox;

  SendMailDelegate(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.send(UUID.fromString((String) execution.getVariable(MailOutbox.VAR_MAIL_ID)));
  }
}
