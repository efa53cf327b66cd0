package fr.anef.renewal.medical;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MedicalFileRepository extends JpaRepository<MedicalFile, UUID> {
  Optional<MedicalFile> findByProcessInstanceId(String processInstanceId);

  List<MedicalFile> findAllByOrderByReferredAtDesc();
}

interface MedicalEventRepository extends JpaRepository<MedicalEvent, Long> {
  List<MedicalEvent> findByMedicalFileIdOrderByOccurredAtAsc(UUID medicalFileId);
}

interface MedicalDocumentRepository extends JpaRepository<MedicalDocument, UUID> {
  List<MedicalDocument> findByMedicalFileIdOrderByFileUploadedAtAsc(UUID medicalFileId);

  long countByMedicalFileIdAndKind(UUID medicalFileId, String kind);
}

interface CollegeVoteRepository extends JpaRepository<CollegeVote, Long> {
  List<CollegeVote> findByMedicalFileId(UUID medicalFileId);
}
