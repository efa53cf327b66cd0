package fr.anef.renewal.instruction;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DocumentReviewRepository extends JpaRepository<DocumentReviewEntry, Long> {
  List<DocumentReviewEntry> findByCaseIdAndRoundOrderByIdAsc(UUID caseId, int round);

  Optional<DocumentReviewEntry> findFirstByCaseIdOrderByIdAsc(UUID caseId);

  @Query("select coalesce(max(r.round), 0) from DocumentReviewEntry r where r.caseId = ?1")
  int lastRound(UUID caseId);
}

interface AgentNoteRepository extends JpaRepository<AgentNote, Long> {
  List<AgentNote> findByCaseIdOrderByWrittenAtAsc(UUID caseId);
}

interface ComplementRequestRepository extends JpaRepository<ComplementRequest, UUID> {
  Optional<ComplementRequest> findByNotificationId(UUID notificationId);

  List<ComplementRequest> findByCaseIdOrderByRoundAsc(UUID caseId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from ComplementRequest r where r.notificationId = ?1")
  Optional<ComplementRequest> lockByNotificationId(UUID notificationId);
}

interface MedicalOpinionRepository extends JpaRepository<MedicalOpinion, UUID> {}

interface DecisionRepository extends JpaRepository<Decision, UUID> {}
