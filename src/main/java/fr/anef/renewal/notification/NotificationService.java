package fr.anef.renewal.notification;

import fr.anef.renewal.mail.MailOutbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes notifications, lists them, and records their first opening. */
@Service
public class NotificationService {

  static final String MAIL_SUBJECT = "Vous avez reçu une notification";

  private final NotificationRepository notifications;
  private final NotificationAttachmentRepository attachments;
  private final MailOutbox outbox;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String loginUrl;

  NotificationService(
      NotificationRepository notifications,
      NotificationAttachmentRepository attachments,
      MailOutbox outbox,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${anef.mail.login-url}") String loginUrl) {
    this.notifications = notifications;
    this.attachments = attachments;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
    this.loginUrl = loginUrl;
  }

  /**
   * Publishes a notification once per key and queues its short e-mail to the applicant. A second
   * call with the same key (a retried job) returns the first notification.
   */
  @Transactional
  public Notification publish(Notice notice, UUID attachmentId) {
    return notifications
        .findByIdempotencyKey(notice.key())
        .orElseGet(
            () -> {
              Notification notification =
                  notifications.save(
                      new Notification(
                          notice.key(),
                          notice.caseId(),
                          notice.applicantId(),
                          notice.kind(),
                          notice.title(),
                          notice.body(),
                          attachmentId,
                          clock.instant()));
              outbox.enqueue(
                  "notification-mail:" + notification.getId(),
                  notice.caseId(),
                  notice.recipientEmail(),
                  MAIL_SUBJECT,
                  mailBody(),
                  null);
              return notification;
            });
  }

  /**
   * What a notification says, to whom, about which case; {@code key} makes it once (a retried job
   * publishes nothing more).
   */
  public record Notice(
      String key,
      UUID caseId,
      String applicantId,
      String recipientEmail,
      String kind,
      String title,
      String body) {}

  /** A labelled download of a notification with several documents. */
  public record Download(UUID documentId, String label) {}

  /** Publishes a notification with several labelled downloads (once per key). */
  @Transactional
  public Notification publishWithDownloads(Notice notice, List<Download> downloads) {
    boolean isNew = notifications.findByIdempotencyKey(notice.key()).isEmpty();
    Notification notification = publish(notice, null);
    if (isNew) {
      for (int i = 0; i < downloads.size(); i++) {
        attachments.save(
            new NotificationAttachment(
                notification.getId(), downloads.get(i).documentId(), downloads.get(i).label(), i));
      }
    }
    return notification;
  }

  @Transactional(readOnly = true)
  public List<NotificationAttachment> downloadsOf(UUID notificationId) {
    return attachments.findByNotificationIdOrderByPositionAsc(notificationId);
  }

  @Transactional(readOnly = true)
  public Page<Notification> list(
      String applicantId, NotificationFilter filter, int page, int size) {
    PageRequest request =
        PageRequest.of(
            Math.max(page, 0),
            Math.min(Math.max(size, 1), 100),
            Sort.by(Sort.Direction.DESC, "createdAt"));
    return switch (filter) {
      case ALL -> notifications.findByApplicantId(applicantId, request);
      case UNREAD -> notifications.findByApplicantIdAndReadAtIsNull(applicantId, request);
      case READ -> notifications.findByApplicantIdAndReadAtIsNotNull(applicantId, request);
    };
  }

  /**
   * Opens a notification of this applicant: the first opening records the read time and publishes
   * {@link NotificationOpened}. Another applicant's notification is not found.
   */
  @Transactional
  public Optional<Notification> open(String applicantId, UUID id) {
    return openAs(applicantId, id, applicantId);
  }

  /**
   * The counter route: an agent hands this applicant's notification to them at the counter, which
   * counts as its reading (the applicant has its content); the event names the agent.
   */
  @Transactional
  public Optional<Notification> handOverAtCounter(String agentId, String applicantId, UUID id) {
    return openAs(applicantId, id, agentId);
  }

  private Optional<Notification> openAs(String applicantId, UUID id, String readBy) {
    Optional<Notification> found =
        notifications.findById(id).filter(n -> n.getApplicantId().equals(applicantId));
    found
        .filter(n -> n.markRead(clock.instant()))
        .ifPresent(
            n ->
                events.publishEvent(
                    new NotificationOpened(
                        n.getId(),
                        n.getCaseId(),
                        n.getKind(),
                        n.getTitle(),
                        n.getReadAt(),
                        readBy)));
    return found;
  }

  /** The seed's e-mail: no name, no case number, nothing personal. */
  String mailBody() {
    return """
        Bonjour,

        Vous venez de recevoir une notification, elle est accessible depuis votre espace personnel, \
        pour y accéder vous pouvez cliquer sur le lien suivant :

        Se connecter : %s

        Cordialement,

        La Direction Générale des Etrangers en France

        Ce message est généré automatiquement, merci de ne pas y répondre.
        """
        .formatted(loginUrl);
  }
}
