package fr.anef.renewal.medical;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MedicalFileRepository extends JpaRepository<MedicalFile, UUID> {
  Optional<MedicalFile> findByProcessInstanceId(String processInstanceId);

  List<MedicalFile> findAllByOrderByReferredAtDesc();
}

interface MedicalEventRepository extends JpaRepository<MedicalEvent, Long> {
  // JPQL, not derived: Hibernate keeps a JPQL query's translation; a derived (criteria) query is
  // translated again at every call (README « Performance », ADR 0040).
  @Query("select e from MedicalEvent e where e.medicalFileId = ?1 order by e.occurredAt")
  List<MedicalEvent> findByMedicalFileIdOrderByOccurredAtAsc(UUID medicalFileId);
}

interface MedicalDocumentRepository extends JpaRepository<MedicalDocument, UUID> {
  @Query("select d from MedicalDocument d where d.medicalFileId = ?1 order by d.file.uploadedAt")
  List<MedicalDocument> findByMedicalFileIdOrderByFileUploadedAtAsc(UUID medicalFileId);

  long countByMedicalFileIdAndKind(UUID medicalFileId, String kind);
}

interface CollegeVoteRepository extends JpaRepository<CollegeVote, Long> {
  List<CollegeVote> findByMedicalFileId(UUID medicalFileId);
}
