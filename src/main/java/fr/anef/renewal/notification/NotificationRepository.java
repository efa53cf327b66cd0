package fr.anef.renewal.notification;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

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
