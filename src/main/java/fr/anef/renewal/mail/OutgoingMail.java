package fr.anef.renewal.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An e-mail waiting in the outbox, or sent. */
@Entity
@Table(name = "outgoing_mail")
class OutgoingMail {

  @Id private UUID id;
  private String idempotencyKey;
  private UUID caseId;
  private String recipient;
  private String subject;
  private String body;
  private UUID attachmentId;
  private Instant createdAt;
  private Instant sentAt;
  private boolean sensitive;

  protected OutgoingMail() {}

  OutgoingMail(
      String idempotencyKey,
      UUID caseId,
      String recipient,
      String subject,
      String body,
      UUID attachmentId,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.idempotencyKey = idempotencyKey;
    this.caseId = caseId;
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.attachmentId = attachmentId;
    this.createdAt = createdAt;
  }

  void sent(Instant at) {
    this.sentAt = at;
    if (sensitive) {
      this.body = "(contenu retiré après l'envoi : il contenait un lien à usage unique)";
    }
  }

  OutgoingMail sensitive() {
    this.sensitive = true;
    return this;
  }

  UUID getId() {
    return id;
  }

  String getIdempotencyKey() {
    return idempotencyKey;
  }

  String getRecipient() {
    return recipient;
  }

  String getSubject() {
    return subject;
  }

  String getBody() {
    return body;
  }

  UUID getAttachmentId() {
    return attachmentId;
  }

  Instant getSentAt() {
    return sentAt;
  }
}
