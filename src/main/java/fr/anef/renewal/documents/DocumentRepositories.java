package fr.anef.renewal.documents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FileContentRepository extends JpaRepository<FileContent, UUID> {}

interface DocumentFileRepository extends JpaRepository<DocumentFile, UUID> {
  List<DocumentFile> findByCaseIdOrderByFileUploadedAtAsc(UUID caseId);

  long countByCaseIdAndDocumentCode(UUID caseId, String documentCode);
}

interface IssuedDocumentRepository extends JpaRepository<IssuedDocument, UUID> {
  Optional<IssuedDocument> findByIdempotencyKey(String idempotencyKey);

  List<IssuedDocument> findByCaseIdOrderByIssuedAtAsc(UUID caseId);
}

interface RequiredDocumentRepository extends JpaRepository<RequiredDocument, Long> {
  List<RequiredDocument> findByCaseIdOrderByPositionAsc(UUID caseId);

  void deleteByCaseId(UUID caseId);
}
