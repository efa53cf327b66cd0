package fr.anef.renewal.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file attached to a case for one required document. */
@Entity
@Table(name = "document_file")
public class DocumentFile {

  @Id private UUID id;
  private UUID caseId;
  private String documentCode;
  private String fileName;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  private UUID contentId;
  private Instant uploadedAt;
  private String uploadedBy;

  protected DocumentFile() {}

  DocumentFile(
      UUID caseId,
      String documentCode,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      UUID contentId,
      Instant uploadedAt,
      String uploadedBy) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.documentCode = documentCode;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.contentId = contentId;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  public UUID getId() {
    return id;
  }

  public UUID getCaseId() {
    return caseId;
  }

  public String getDocumentCode() {
    return documentCode;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
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

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }
}
