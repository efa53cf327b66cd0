package fr.anef.renewal.documents;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/**
 * What the application keeps about an uploaded file, beside its bytes: name, sniffed type, size,
 * SHA-256, the stored content's id, when and by whom. One value type for every store of uploads
 * (case documents, OFII medical documents); it maps the columns {@code file_name}, {@code
 * content_type}, {@code size_bytes}, {@code sha256}, {@code content_id}, {@code uploaded_at} and
 * {@code uploaded_by} of the owning table. Built by {@link DocumentService#store}.
 */
@Embeddable
public class FileMetadata {

  private String fileName;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  private UUID contentId;
  private Instant uploadedAt;
  private String uploadedBy;

  protected FileMetadata() {}

  FileMetadata(
      DocumentService.CheckedFile checked, UUID contentId, Instant uploadedAt, String uploadedBy) {
    this.fileName = checked.name();
    this.contentType = checked.contentType();
    this.sizeBytes = checked.bytes().length;
    this.sha256 = checked.sha256();
    this.contentId = contentId;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
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

  /** The id to read the bytes with, through {@link DocumentService#content}. */
  public UUID getContentId() {
    return contentId;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }
}
