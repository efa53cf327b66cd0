package fr.anef.renewal.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A PDF the administration issued for a case (attestation de dépôt, …). */
@Entity
@Table(name = "issued_document")
public class IssuedDocument {

  @Id private UUID id;
  private UUID caseId;
  private String idempotencyKey;
  private String kind;
  private String fileName;
  private long sizeBytes;
  private String sha256;
  private UUID contentId;
  private Instant issuedAt;

  protected IssuedDocument() {}

  IssuedDocument(
      UUID caseId,
      String idempotencyKey,
      String kind,
      String fileName,
      long sizeBytes,
      String sha256,
      UUID contentId,
      Instant issuedAt) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.idempotencyKey = idempotencyKey;
    this.kind = kind;
    this.fileName = fileName;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.contentId = contentId;
    this.issuedAt = issuedAt;
  }

  public UUID getId() {
    return id;
  }

  public UUID getCaseId() {
    return caseId;
  }

  public String getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  UUID getContentId() {
    return contentId;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }
}
