package fr.anef.renewal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.anef.renewal.JpaSliceTest;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.mail.MailOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * « Mes notifications » on a real database, without the engine: one applicant's list, filtered by
 * read or unread, newest first, in pages of at most 100; a notification published once per key (a
 * retried job queues no second e-mail); another applicant's notification is not found.
 */
@JpaSliceTest
@Import(NotificationService.class)
class NotificationsJpaTests {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired NotificationService notifications;
  @MockitoBean MailOutbox outbox;
  @MockitoBean Clock clock;
  @Autowired TestEntityManager entities;

  final String applicant = "A" + UUID.randomUUID().toString().substring(0, 9);
  final String other = "B" + UUID.randomUUID().toString().substring(0, 9);

  @Test
  @DisplayName(
      "Mes notifications : les miennes seulement, lues ou non lues, la plus récente d'abord, 100 par page au plus")
  void listOfOneApplicant() {
    UUID caseId = caseOf(applicant);
    for (int i = 0; i < 3; i++) {
      publishAt(START.plus(Duration.ofHours(i)), applicant, caseId, "N" + i);
    }
    Notification othersNotice = publishAt(START, other, caseOf(other), "Autre");
    when(clock.instant()).thenReturn(START.plus(Duration.ofDays(1)));
    Notification first =
        notifications.list(applicant, NotificationFilter.ALL, 0, 10).getContent().get(2);
    assertThat(notifications.open(applicant, first.getId())).isPresent();

    assertThat(titles(notifications.list(applicant, NotificationFilter.ALL, 0, 10)))
        .containsExactly("N2", "N1", "N0");
    assertThat(titles(notifications.list(applicant, NotificationFilter.UNREAD, 0, 10)))
        .containsExactly("N2", "N1");
    assertThat(titles(notifications.list(applicant, NotificationFilter.READ, 0, 10)))
        .containsExactly("N0");
    assertThat(titles(notifications.list(applicant, NotificationFilter.ALL, 1, 2)))
        .containsExactly("N0");
    Page<Notification> asked = notifications.list(applicant, NotificationFilter.ALL, -3, 10_000);
    assertThat(asked.getNumber()).isZero();
    assertThat(asked.getSize()).isEqualTo(100);

    assertThat(notifications.open(applicant, othersNotice.getId())).isEmpty();
    assertThat(titles(notifications.list(other, NotificationFilter.UNREAD, 0, 10)))
        .containsExactly("Autre");
  }

  @Test
  @DisplayName(
      "Une notification publiée deux fois sous la même clé (tâche rejouée) : une seule notification, un seul courriel")
  void publishedOncePerKey() {
    Notification first = publishAt(START, applicant, caseOf(applicant), "Reçu");
    when(clock.instant()).thenReturn(START.plusSeconds(60));
    Notification again =
        notifications.publish(
            new NotificationService.Notice(
                "key:" + applicant + ":Reçu",
                first.getCaseId(),
                applicant,
                "personne@exemple.fr",
                "TEST",
                "Reçu",
                "Corps"),
            null);
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getCreatedAt()).isEqualTo(START);
    assertThat(titles(notifications.list(applicant, NotificationFilter.ALL, 0, 10)))
        .containsExactly("Reçu");
    verify(outbox, times(1))
        .enqueue(
            eq("notification-mail:" + first.getId()),
            eq(first.getCaseId()),
            eq("personne@exemple.fr"),
            eq(NotificationService.MAIL_SUBJECT),
            any(),
            any());
  }

  /** A draft of the applicant's (a notification belongs to a case). */
  private UUID caseOf(String applicantId) {
    return entities
        .persist(
            new RenewalCase(applicantId, "pi-" + UUID.randomUUID(), "59", true, null, null, START))
        .getId();
  }

  private Notification publishAt(Instant at, String applicantId, UUID caseId, String title) {
    when(clock.instant()).thenReturn(at);
    return notifications.publish(
        new NotificationService.Notice(
            "key:" + applicantId + ":" + title,
            caseId,
            applicantId,
            "personne@exemple.fr",
            "TEST",
            title,
            "Corps"),
        null);
  }

  private static List<String> titles(Page<Notification> page) {
    return page.getContent().stream().map(Notification::getTitle).toList();
  }
}
