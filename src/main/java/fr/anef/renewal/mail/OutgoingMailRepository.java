package fr.anef.renewal.mail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, UUID> {

  Optional<OutgoingMail> findByIdempotencyKey(String idempotencyKey);

  List<OutgoingMail> findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(UUID caseId);
}
