package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a notification of a case to its applicant (with its e-mail) and writes it in the case's
 * history.
 */
@Component
class CaseNotices {

  static final String SIGNATURE =
      "\n\nCordialement,\nL'agent Instructeur\nMinistère de l'Intérieur et des Outre-Mer";

  private final NotificationService notifications;
  private final Cases cases;
  private final Register register;

  CaseNotices(NotificationService notifications, Cases cases, Register register) {
    this.notifications = notifications;
    this.cases = cases;
    this.register = register;
  }

  @Transactional
  Notification publish(
      RenewalCase renewal, String key, String kind, String title, String body, UUID attachmentId) {
    return logged(
        renewal, key, kind, title, body, notice -> notifications.publish(notice, attachmentId));
  }

  @Transactional
  Notification publishWithDownloads(
      RenewalCase renewal,
      String key,
      String kind,
      String title,
      String body,
      List<NotificationService.Download> downloads) {
    return logged(
        renewal,
        key,
        kind,
        title,
        body,
        notice -> notifications.publishWithDownloads(notice, downloads));
  }

  /**
   * Sends to the case's address (else the register's) and writes « notification envoyée » in the
   * case's history.
   */
  private Notification logged(
      RenewalCase renewal,
      String key,
      String kind,
      String title,
      String body,
      Function<NotificationService.Notice, Notification> send) {
    String recipient = Objects.requireNonNullElse(renewal.getEmail(), person(renewal).getEmail());
    Notification notification =
        send.apply(
            new NotificationService.Notice(
                key, renewal.getId(), renewal.getApplicantId(), recipient, kind, title, body));
    cases.log(renewal, "administration", CaseEventKind.NOTIFICATION_SENT, title);
    return notification;
  }

  /**
   * A notification an analyst added to the model (element template « Notifier le demandeur »): the
   * greeting, the model's text and the signature, published once per passage through the step.
   */
  @Transactional
  Notification publishStep(String processInstanceId, String stepKey, String title, String text) {
    if (title == null || title.isBlank() || text == null || text.isBlank()) {
      throw new IllegalStateException(
          "« Notifier le demandeur » " + stepKey + " : titre et texte requis dans le modèle");
    }
    RenewalCase renewal = cases.caseOf(processInstanceId);
    return publish(
        renewal,
        "step:" + renewal.getId() + ":" + stepKey,
        "INFORMATION",
        title.strip(),
        greeting(renewal) + "\n\n" + text.strip() + SIGNATURE,
        null);
  }

  RegisteredPerson person(RenewalCase renewal) {
    return register.person(renewal.getApplicantId()).orElseThrow();
  }

  /** « Bonjour MALADE Guide, » as the seed's notifications greet. */
  String greeting(RenewalCase renewal) {
    RegisteredPerson person = person(renewal);
    String name = person.getBirthName().toLowerCase(Locale.FRENCH);
    return "Bonjour "
        + person.getFirstNames().toUpperCase(Locale.FRENCH)
        + " "
        + Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + ",";
  }
}
