package fr.anef.renewal.documents;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A file attached to a case for one required document. */
@Entity
@Table(name = "document_file")
public class DocumentFile {

  @Id private UUID id;
  private UUID caseId;
  private String documentCode;
  @Embedded private FileMetadata file;

  protected DocumentFile() {}

  DocumentFile(UUID caseId, String documentCode, FileMetadata file) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.documentCode = documentCode;
    this.file = file;
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

  /** The file's name, type, size, digest, and when and by whom it was uploaded. */
  public FileMetadata getFile() {
    return file;
  }
}
