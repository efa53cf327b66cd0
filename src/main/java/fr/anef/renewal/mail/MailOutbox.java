package fr.anef.renewal.mail;

import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.StoredFile;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox: {@link #enqueue} in the business transaction, {@link #sendNext} from an engine job. */
@Service
public class MailOutbox {

  private final OutgoingMailRepository mails;
  private final JavaMailSender sender;
  private final DocumentService documents;
  private final Clock clock;
  private final String from;

  MailOutbox(OutgoingMailRepository mails, JavaMailSender sender, DocumentService documents, Clock clock,
      @Value("${anef.mail.from}") String from) {
    this.mails = mails;
    this.sender = sender;
    this.documents = documents;
    this.clock = clock;
    this.from = from;
  }

  /** Queues a mail once per key; the attachment is an issued document (or null). */
  @Transactional
  public void enqueue(String key, UUID caseId, String recipient, String subject, String body, UUID attachmentId) {
    if (mails.findByIdempotencyKey(key).isEmpty()) {
      mails.save(new OutgoingMail(key, caseId, recipient, subject, body, attachmentId, clock.instant()));
    }
  }

  /**
   * Sends the oldest mail of the case not sent yet and marks it sent, in the caller's transaction (the
   * engine job's): one mail per job, so a failure rolls back only that mail's job, which the engine
   * retries, and a mail the SMTP server accepted is never sent again by a later retry. One connection per
   * job: a second transaction here would let a burst of jobs exhaust the pool.
   *
   * @return whether mails of the case are still waiting
   * @throws MailException when the SMTP server refuses or cannot be reached
   */
  @Transactional
  public boolean sendNext(UUID caseId) {
    List<OutgoingMail> pending = mails.findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(caseId);
    if (pending.isEmpty()) {
      return false;
    }
    OutgoingMail mail = pending.get(0);
    sender.send(toMime(mail));
    mail.sent(clock.instant());
    mails.save(mail);
    return pending.size() > 1;
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
