package fr.anef.renewal.mail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, UUID> {

  // JPQL, not derived: Hibernate keeps a JPQL query's translation; a derived (criteria) query is
  // translated again at every call (README « Performance », ADR 0040).
  @Query("select m from OutgoingMail m where m.idempotencyKey = ?1")
  Optional<OutgoingMail> findByIdempotencyKey(String idempotencyKey);

  List<OutgoingMail> findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(UUID caseId);
}
