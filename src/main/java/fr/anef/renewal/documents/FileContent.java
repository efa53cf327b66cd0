package fr.anef.renewal.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of a stored file, apart from its metadata. */
@Entity
@Table(name = "file_content")
class FileContent {

  @Id private UUID id;

  private byte[] content;

  protected FileContent() {}

  FileContent(byte[] content) {
    this.id = UUID.randomUUID();
    this.content = content;
  }

  UUID getId() {
    return id;
  }

  byte[] getContent() {
    return content;
  }
}
