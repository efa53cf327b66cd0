package fr.anef.renewal.mail;

import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.StoredFile;
import fr.anef.renewal.processes.MailDispatchProcess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: {@link #enqueue} in the business transaction, {@link #send} from the mail's engine
 * job.
 */
@Service
public class MailOutbox {

  /** The process that sends one mail per instance, and its variable. */
  public static final String VAR_MAIL_ID = "mailId";

  private final OutgoingMailRepository mails;
  private final JavaMailSender sender;
  private final DocumentService documents;
  private final Clock clock;
  private final String from;
  private final String messageIdDomain;
  private final RuntimeService runtime;
  private final Timer smtp;
  private final Timer unconfirmed;

  MailOutbox(
      OutgoingMailRepository mails,
      JavaMailSender sender,
      DocumentService documents,
      Clock clock,
      @Value("${anef.mail.from}") String from,
      RuntimeService runtime,
      MeterRegistry meters) {
    this.mails = mails;
    this.sender = sender;
    this.documents = documents;
    this.clock = clock;
    this.from = from;
    this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
    this.runtime = runtime;
    this.smtp =
        Timer.builder("anef.mail.smtp")
            .description("Remise d'un courriel au serveur SMTP")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    this.unconfirmed =
        Timer.builder("anef.mail.unconfirmed")
            .description(
                "Entre l'acceptation par le serveur SMTP et l'enregistrement de l'envoi : la fenêtre où une panne "
                    + "fait renvoyer le courriel (même Message-ID)")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  /**
   * Queues a mail once per key, in the caller's transaction, and starts its {@code mail-dispatch}
   * instance, whose job sends it after commit; the attachment is an issued document (or null).
   */
  @Transactional
  public void enqueue(
      String key, UUID caseId, String recipient, String subject, String body, UUID attachmentId) {
    queue(new OutgoingMail(key, caseId, recipient, subject, body, attachmentId, clock.instant()));
  }

  /**
   * Queues a mail whose body (a single-use link) is blanked once the SMTP server has accepted it.
   */
  @Transactional
  public void enqueueSensitive(String key, String recipient, String subject, String body) {
    queue(new OutgoingMail(key, null, recipient, subject, body, null, clock.instant()).sensitive());
  }

  private void queue(OutgoingMail mail) {
    if (mails.findByIdempotencyKey(mail.getIdempotencyKey()).isEmpty()) {
      OutgoingMail saved = mails.save(mail);
      runtime.startProcessInstanceByKey(
          MailDispatchProcess.KEY,
          saved.getIdempotencyKey(),
          Map.of(VAR_MAIL_ID, saved.getId().toString()));
    }
  }

  /**
   * Sends one queued mail and marks it sent, in the transaction of its dispatch job: a failure
   * rolls the job back and the engine retries it (then raises an incident); once the sending is
   * committed, a later run of the job sends nothing. Between the SMTP server's acceptance and the
   * commit (timer {@code anef.mail.unconfirmed}) a node's death or a database failure makes the
   * retry send it again: at least once, with the same {@link #messageId Message-ID}.
   *
   * @throws MailException when the SMTP server refuses or cannot be reached
   */
  @Transactional
  public void send(UUID mailId) {
    OutgoingMail mail =
        mails
            .findById(mailId)
            .orElseThrow(() -> new IllegalStateException("courriel inconnu " + mailId));
    if (mail.getSentAt() != null) {
      return;
    }
    MimeMessage message = toMime(mail);
    long start = System.nanoTime();
    sender.send(message);
    long accepted = System.nanoTime();
    smtp.record(accepted - start, TimeUnit.NANOSECONDS);
    mail.sent(clock.instant());
    mails.save(mail);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              unconfirmed.record(System.nanoTime() - accepted, TimeUnit.NANOSECONDS);
            }
          });
    }
  }

  /**
   * The mail's {@code Message-ID}, derived from its outbox row: a mail sent again after a failure
   * between the SMTP server's acceptance and the commit (at least once) carries the same id, which
   * receiving servers and clients recognise as a duplicate.
   */
  String messageId(UUID mailId) {
    return "<" + mailId + "@" + messageIdDomain + ">";
  }

  private MimeMessage toMime(OutgoingMail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper =
          new MimeMessageHelper(message, mail.getAttachmentId() != null, "UTF-8");
      helper.setFrom(from);
      message.setHeader("Message-ID", messageId(mail.getId()));
      helper.setTo(mail.getRecipient());
      helper.setSubject(mail.getSubject());
      helper.setText(mail.getBody(), false);
      if (mail.getAttachmentId() != null) {
        StoredFile file =
            documents.issuedDocument(mail.getAttachmentId()).map(documents::download).orElseThrow();
        helper.addAttachment(
            file.fileName(), new ByteArrayResource(file.bytes()), file.contentType());
      }
      return message;
    } catch (MessagingException e) {
      throw new org.springframework.mail.MailPreparationException(e);
    }
  }
}
