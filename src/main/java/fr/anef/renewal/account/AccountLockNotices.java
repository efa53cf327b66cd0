package fr.anef.renewal.account;

import fr.anef.renewal.mail.MailOutbox;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the holder that their account was locked: when, until when, what to do. One mail per lock.
 */
@Component
class AccountLockNotices {

  /** « 02/12/2026 à 14h05 », Paris time: how the account's mails say when. */
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm").withZone(ZoneId.of("Europe/Paris"));

  private final MailOutbox outbox;
  private final String publicUrl;

  AccountLockNotices(
      MailOutbox outbox, @Value("${anef.public-url:http://localhost:8080}") String publicUrl) {
    this.outbox = outbox;
    this.publicUrl = publicUrl;
  }

  /**
   * Queues the notice in the transaction that stored the lock (the same lock never mails twice).
   */
  @Transactional
  public void accountLocked(String userId, String email, int failures, Instant at, Instant until) {
    if (email == null || email.isBlank()) {
      return;
    }
    outbox.enqueue(
        "account-locked:" + userId + ":" + until.toEpochMilli(),
        null,
        email,
        "Votre compte est temporairement verrouillé",
        "Bonjour,\n\nLe "
            + WHEN.format(at)
            + " (heure de Paris), votre compte (identifiant "
            + userId
            + ") a été "
            + "verrouillé après "
            + failures
            + " essais de connexion consécutifs avec un mot de passe erroné.\n\n"
            + "Aucune connexion ne sera acceptée jusqu'au "
            + WHEN.format(until)
            + " (heure de Paris), même avec le bon "
            + "mot de passe. Après cette heure, vous pourrez vous connecter à nouveau normalement.\n\n"
            + "Pour débloquer votre compte tout de suite, choisissez un nouveau mot de passe avec « Mot de passe oublié ? » :"
            + "\n\n"
            + publicUrl
            + "/compte/mot-de-passe-oublie\n\n"
            + "Si vous n'êtes pas à l'origine de ces essais, quelqu'un a peut-être tenté d'accéder à votre compte : "
            + "choisissez un nouveau mot de passe que vous n'utilisez sur aucun autre site. Votre compte n'a pas été "
            + "ouvert par ces essais.\n\nCordialement,\n\nLa Direction Générale des Etrangers en France\n\n"
            + "Ce message est généré automatiquement, merci de ne pas y répondre.",
        null);
  }
}
