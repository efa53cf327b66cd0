package fr.anef.renewal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notification in the applicant's personal space. */
@Entity
@Table(name = "notification")
public class Notification {

  @Id private UUID id;
  private String idempotencyKey;
  private UUID caseId;
  private String applicantId;
  private String category;
  private String kind;
  private String title;
  private String body;
  private UUID attachmentId;
  private Instant createdAt;
  private Instant readAt;

  protected Notification() {}

  Notification(
      String idempotencyKey,
      UUID caseId,
      String applicantId,
      String kind,
      String title,
      String body,
      UUID attachmentId,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.idempotencyKey = idempotencyKey;
    this.caseId = caseId;
    this.applicantId = applicantId;
    this.category = "SEJOUR";
    this.kind = kind;
    this.title = title;
    this.body = body;
    this.attachmentId = attachmentId;
    this.createdAt = createdAt;
  }

  /** Records the first opening; later openings change nothing. Returns true the first time. */
  boolean markRead(Instant at) {
    if (readAt != null) {
      return false;
    }
    readAt = at;
    return true;
  }

  public UUID getId() {
    return id;
  }

  public UUID getCaseId() {
    return caseId;
  }

  public String getApplicantId() {
    return applicantId;
  }

  public String getCategory() {
    return category;
  }

  public String getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public UUID getAttachmentId() {
    return attachmentId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public boolean isRead() {
    return readAt != null;
  }
}
