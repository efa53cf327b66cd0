package fr.anef.renewal.notification;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

  // JPQL, not derived: Hibernate keeps a JPQL query's translation; a derived (criteria) query is
  // translated again at every call (README « Performance », ADR 0040).
  @Query("select n from Notification n where n.idempotencyKey = ?1")
  Optional<Notification> findByIdempotencyKey(String idempotencyKey);

  Page<Notification> findByApplicantId(String applicantId, Pageable pageable);

  Page<Notification> findByApplicantIdAndReadAtIsNull(String applicantId, Pageable pageable);

  Page<Notification> findByApplicantIdAndReadAtIsNotNull(String applicantId, Pageable pageable);
}

interface NotificationAttachmentRepository
    extends org.springframework.data.jpa.repository.JpaRepository<NotificationAttachment, Long> {

  java.util.List<NotificationAttachment> findByNotificationIdOrderByPositionAsc(
      UUID notificationId);
}
