package fr.anef.renewal.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A document the DMN « required-documents » asks of a case. */
@Entity
@Table(name = "case_required_document")
class RequiredDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID caseId;
  private String documentCode;
  private String section;
  private String label;
  private String guidance;
  private int maxFiles;
  private int position;

  protected RequiredDocument() {}

  RequiredDocument(UUID caseId, DocumentRequirement requirement) {
    this.caseId = caseId;
    this.documentCode = requirement.code();
    this.section = requirement.section();
    this.label = requirement.label();
    this.guidance = requirement.guidance();
    this.maxFiles = requirement.maxFiles();
    this.position = requirement.position();
  }

  DocumentRequirement toRequirement() {
    return new DocumentRequirement(documentCode, section, label, guidance, maxFiles, position);
  }
}
