package fr.anef.renewal.documents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FileContentRepository extends JpaRepository<FileContent, UUID> {}

interface DocumentFileRepository extends JpaRepository<DocumentFile, UUID> {
  // JPQL, not derived: Hibernate keeps a JPQL query's translation; a derived (criteria) query is
  // translated again at every call (README « Performance », ADR 0040).
  @Query("select d from DocumentFile d where d.caseId = ?1 order by d.file.uploadedAt")
  List<DocumentFile> findByCaseIdOrderByFileUploadedAtAsc(UUID caseId);

  @Query("select count(d) from DocumentFile d where d.caseId = ?1 and d.documentCode = ?2")
  long countByCaseIdAndDocumentCode(UUID caseId, String documentCode);
}

interface IssuedDocumentRepository extends JpaRepository<IssuedDocument, UUID> {
  @Query("select d from IssuedDocument d where d.idempotencyKey = ?1")
  Optional<IssuedDocument> findByIdempotencyKey(String idempotencyKey);

  @Query("select d from IssuedDocument d where d.caseId = ?1 order by d.issuedAt")
  List<IssuedDocument> findByCaseIdOrderByIssuedAtAsc(UUID caseId);
}

interface RequiredDocumentRepository extends JpaRepository<RequiredDocument, Long> {
  @Query("select r from RequiredDocument r where r.caseId = ?1 order by r.position")
  List<RequiredDocument> findByCaseIdOrderByPositionAsc(UUID caseId);

  void deleteByCaseId(UUID caseId);
}
