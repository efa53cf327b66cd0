package fr.anef.renewal.mail;

import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.StoredFile;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: {@link #enqueue} in the business transaction, {@link #sendPending} from an engine job. */
@Service
public class MailOutbox {

  private final OutgoingMailRepository mails;
  private final JavaMailSender sender;
  private final DocumentService documents;
  private final Clock clock;
  private final String from;
  private final TransactionTemplate ownTransaction;

  MailOutbox(OutgoingMailRepository mails, JavaMailSender sender, DocumentService documents, Clock clock,
      @Value("${anef.mail.from}") String from, PlatformTransactionManager transactions) {
    this.mails = mails;
    this.sender = sender;
    this.documents = documents;
    this.clock = clock;
    this.from = from;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Queues a mail once per key; the attachment is an issued document (or null). */
  @Transactional
  public void enqueue(String key, UUID caseId, String recipient, String subject, String body, UUID attachmentId) {
    if (mails.findByIdempotencyKey(key).isEmpty()) {
      mails.save(new OutgoingMail(key, caseId, recipient, subject, body, attachmentId, clock.instant()));
    }
  }

  /**
   * Sends every mail of the case not sent yet. Each mail is marked sent in its own transaction right after
   * the SMTP server accepted it, so a failure on a later mail (the job fails and is retried by the engine)
   * never sends an earlier one twice.
   *
   * @throws MailException when the SMTP server refuses or cannot be reached
   */
  public void sendPending(UUID caseId) {
    for (OutgoingMail mail : mails.findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(caseId)) {
      try {
        sender.send(toMime(mail));
      } catch (MailException e) {
        ownTransaction.executeWithoutResult(s -> mails.findById(mail.getId()).ifPresent(m -> m.failed(e.getMessage())));
        throw e;
      }
      ownTransaction.executeWithoutResult(s -> mails.findById(mail.getId()).ifPresent(m -> m.sent(clock.instant())));
    }
  }

  private MimeMessage toMime(OutgoingMail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, mail.getAttachmentId() != null, "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.getRecipient());
      helper.setSubject(mail.getSubject());
      helper.setText(mail.getBody(), false);
      if (mail.getAttachmentId() != null) {
        StoredFile file = documents.issuedDocument(mail.getAttachmentId()).map(documents::download).orElseThrow();
        helper.addAttachment(file.fileName(), new ByteArrayResource(file.bytes()), file.contentType());
      }
      return message;
    } catch (MessagingException e) {
      throw new org.springframework.mail.MailPreparationException(e);
    }
  }
}
