package fr.anef.renewal.account;

import fr.anef.renewal.mail.MailOutbox;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.EmailAddresses;
import fr.anef.renewal.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Créer un compte » and « Mot de passe oublié ? ». Links are single use and expire after 24
 * hours; answers never tell which part of the titre was wrong, nor whether an identifier exists.
 */
@Service
public class AccountService {

  static final Duration LINK_VALIDITY = Duration.ofHours(24);
  static final String GROUP_APPLICANTS = ActorGroups.APPLICANTS;

  /** One generic refusal: it does not tell which of the number or the dates was wrong. */
  public static final String NO_SUCH_TITLE =
      "Les informations saisies ne correspondent à aucun visa ni titre de séjour : "
          + "vérifiez le numéro et les dates de validité.";

  public static final String LINK_INVALID =
      "Ce lien n'est plus valable : il a déjà servi ou il a expiré (24 heures). "
          + "Recommencez la démarche pour en recevoir un nouveau.";
  static final String EMAIL_CHANGE_APPLICANTS_ONLY =
      "Seuls les usagers peuvent modifier ici l'adresse email de leur "
          + "compte : les comptes des agents sont gérés par l'administrateur.";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Register register;
  private final IdentityService identity;
  private final AccountTokenRepository tokens;
  private final MailOutbox outbox;
  private final Clock clock;
  private final String publicUrl;

  AccountService(
      Register register,
      IdentityService identity,
      AccountTokenRepository tokens,
      MailOutbox outbox,
      Clock clock,
      @Value("${anef.public-url:http://localhost:8080}") String publicUrl) {
    this.register = register;
    this.identity = identity;
    this.tokens = tokens;
    this.outbox = outbox;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /**
   * « Créer un compte »: the titre (number and validity dates) must be in the register; the e-mail
   * is confirmed by a link. One account per N° étranger.
   */
  @Transactional
  public void requestAccount(
      String titleNumber,
      LocalDate validFrom,
      LocalDate validUntil,
      String email,
      String emailConfirmation) {
    List<String> errors = new ArrayList<>();
    Optional<ResidenceTitle> title = register.verifiedTitle(titleNumber, validFrom, validUntil);
    if (title.isEmpty()) {
      errors.add(NO_SUCH_TITLE);
    }
    String cleanEmail = email == null ? "" : email.strip();
    errors.addAll(emailErrors(cleanEmail, emailConfirmation));
    Refusal.unless(errors);
    sendConfirmation(title.get().getForeignerNumber(), cleanEmail, null);
  }

  /**
   * The counter route: an agent who has seen the person's titre asks for their account. The link
   * goes to the person's e-mail, so the agent never knows the password; the request names the
   * agent.
   */
  @Transactional
  public void requestAccountAtCounter(
      String agentId, String foreignerNumber, String email, String emailConfirmation) {
    String cleanEmail = email == null ? "" : email.strip();
    Refusal.unless(emailErrors(cleanEmail, emailConfirmation));
    register
        .person(foreignerNumber)
        .orElseThrow(() -> new Refusal("Cette personne n'est pas enregistrée."));
    sendConfirmation(foreignerNumber, cleanEmail, agentId);
  }

  private void sendConfirmation(String foreignerNumber, String cleanEmail, String requestedBy) {
    if (hasAccount(foreignerNumber)) {
      throw new Refusal(
          "Un compte existe déjà pour ce titre de séjour : connectez-vous avec votre N° étranger, ou "
              + "utilisez « Mot de passe oublié ? ».");
    }
    String token = issue(AccountToken.Purpose.CREATE, foreignerNumber, cleanEmail, requestedBy);
    outbox.enqueueSensitive(
        "account-confirmation:" + hash(token),
        cleanEmail,
        "Confirmation de votre adresse email",
        "Bonjour,\n\nVous avez demandé la création de votre compte sur le site de l'administration numérique pour les "
            + "étrangers en France.\n\nPour confirmer votre adresse email et créer votre mot de passe, cliquez sur le lien "
            + "suivant (valable 24 heures, une seule fois) :\n\n"
            + publicUrl
            + "/compte/confirmation?jeton="
            + token
            + "\n\nVotre identifiant de connexion sera votre N° Etranger.\n\nCordialement,\n\nLa Direction Générale des "
            + "Etrangers en France\n\nCe message est généré automatiquement, merci de ne pas y répondre.");
  }

  private static List<String> emailErrors(String cleanEmail, String emailConfirmation) {
    if (!EmailAddresses.valid(cleanEmail)) {
      return List.of(EmailAddresses.INVALID);
    }
    if (!cleanEmail.equalsIgnoreCase(emailConfirmation == null ? "" : emailConfirmation.strip())) {
      return List.of("La confirmation de l'adresse email ne correspond pas.");
    }
    return List.of();
  }

  @Transactional(readOnly = true)
  public boolean hasAccount(String foreignerNumber) {
    return identity.createUserQuery().userId(foreignerNumber).count() > 0;
  }

  /** An account asked for at the counter: by which agent, when. */
  public record CounterRequest(java.time.Instant at, String agentId) {}

  @Transactional(readOnly = true)
  public List<CounterRequest> counterRequests(String foreignerNumber) {
    return tokens
        .findByForeignerNumberAndRequestedByIsNotNullOrderByCreatedAt(foreignerNumber)
        .stream()
        .map(t -> new CounterRequest(t.createdAt, t.requestedBy))
        .toList();
  }

  /** Whether a link can still be used (to show the password form or an error). */
  @Transactional(readOnly = true)
  public boolean usable(String token, String purpose) {
    return token != null
        && tokens
            .findByTokenHash(hash(token))
            .filter(
                t ->
                    t.purpose.name().equals(purpose)
                        && t.usedAt == null
                        && clock.instant().isBefore(t.expiresAt))
            .isPresent();
  }

  /** « Créez votre mot de passe »: creates the account, once. */
  @Transactional
  public String createAccount(String token, String password, String confirmation) {
    AccountToken link = consume(token, AccountToken.Purpose.CREATE, password, confirmation);
    if (hasAccount(link.foreignerNumber)) {
      throw new Refusal("Un compte existe déjà pour ce N° étranger : connectez-vous.");
    }
    RegisteredPerson person = register.person(link.foreignerNumber).orElseThrow();
    User user = identity.newUser(link.foreignerNumber);
    user.setFirstName(person.getFirstNames());
    user.setLastName(person.getBirthName());
    user.setEmail(link.email);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(link.foreignerNumber, GROUP_APPLICANTS);
    return link.foreignerNumber;
  }

  /** « Mot de passe oublié ? »: the same answer whether the identifier exists or not. */
  @Transactional
  public void requestReset(String identifier) {
    String id = identifier == null ? "" : identifier.strip();
    User user = id.isEmpty() ? null : identity.createUserQuery().userId(id).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      return;
    }
    String token = issue(AccountToken.Purpose.RESET, id, user.getEmail(), null);
    outbox.enqueueSensitive(
        "password-reset:" + hash(token),
        user.getEmail(),
        "Réinitialisation de votre mot de passe",
        "Bonjour,\n\nUne réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de "
            + "passe, cliquez sur le lien suivant (valable 24 heures, une seule fois) :\n\n"
            + publicUrl
            + "/compte/reinitialisation?jeton="
            + token
            + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez "
            + "ce message : votre mot de passe reste inchangé.\n\nCordialement,\n\nLa Direction Générale des Etrangers en "
            + "France\n\nCe message est généré automatiquement, merci de ne pas y répondre.");
  }

  @Transactional
  public void resetPassword(String token, String password, String confirmation) {
    AccountToken link = consume(token, AccountToken.Purpose.RESET, password, confirmation);
    User user = identity.createUserQuery().userId(link.foreignerNumber).singleResult();
    if (user == null) {
      throw new Refusal(LINK_INVALID);
    }
    user.setPassword(password);
    identity.saveUser(user);
    identity.unlockUser(link.foreignerNumber);
  }

  /** The e-mail of the account (where its mails go), or empty. */
  @Transactional(readOnly = true)
  public Optional<String> accountEmail(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .map(User::getEmail);
  }

  /**
   * « Modifier mon adresse email », by the logged-in holder: nothing changes yet. A single-use link
   * valid 24 hours goes to the new address, and a notice to the current one; the address changes
   * when the link is used.
   *
   * @return the new address, as typed
   */
  @Transactional
  public String requestEmailChange(String userId, String email, String emailConfirmation) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    if (user == null
        || identity.createUserQuery().userId(userId).memberOfGroup(GROUP_APPLICANTS).count() == 0) {
      throw new Refusal(EMAIL_CHANGE_APPLICANTS_ONLY);
    }
    String cleanEmail = email == null ? "" : email.strip();
    Refusal.unless(emailErrors(cleanEmail, emailConfirmation));
    if (cleanEmail.equalsIgnoreCase(user.getEmail())) {
      throw new Refusal("Cette adresse est déjà celle de votre compte.");
    }
    String token = issue(AccountToken.Purpose.EMAIL_CHANGE, userId, cleanEmail, null);
    outbox.enqueueSensitive(
        "email-change:" + hash(token),
        cleanEmail,
        "Confirmation de votre nouvelle adresse email",
        "Bonjour,\n\nVous avez demandé que les messages de votre compte (identifiant "
            + userId
            + ") sur le site de "
            + "l'administration numérique pour les étrangers en France soient désormais envoyés à cette adresse.\n\n"
            + "Pour confirmer cette nouvelle adresse, cliquez sur le lien suivant (valable 24 heures, une seule fois) :\n\n"
            + publicUrl
            + "/compte/courriel?jeton="
            + token
            + "\n\nTant que vous n'avez pas confirmé, l'adresse de votre "
            + "compte ne change pas. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n"
            + "Cordialement,\n\nLa Direction Générale des Etrangers en France\n\nCe message est généré automatiquement, "
            + "merci de ne pas y répondre.");
    if (user.getEmail() != null && !user.getEmail().isBlank()) {
      outbox.enqueue(
          "email-change-notice:" + hash(token),
          null,
          user.getEmail(),
          "Demande de changement de l'adresse email de votre compte",
          "Bonjour,\n\nLe "
              + AccountLockNotices.WHEN.format(clock.instant())
              + " (heure de Paris), une modification de l'adresse email de "
              + "votre compte (identifiant "
              + userId
              + ") a été demandée depuis votre espace personnel, vers l'adresse "
              + masked(cleanEmail)
              + ".\n\nL'adresse ne changera que si le lien envoyé à cette nouvelle adresse est "
              + "utilisé dans les 24 heures. D'ici là, les messages de votre compte continuent d'arriver ici.\n\n"
              + "Si vous n'êtes pas à l'origine de cette demande, quelqu'un utilise peut-être votre compte : choisissez "
              + "sans attendre un nouveau mot de passe avec « Mot de passe oublié ? » :\n\n"
              + publicUrl
              + "/compte/mot-de-passe-oublie\n\nCordialement,\n\nLa Direction Générale des Etrangers en France\n\n"
              + "Ce message est généré automatiquement, merci de ne pas y répondre.",
          null);
    }
    return cleanEmail;
  }

  /**
   * The link sent to the new address: the account's e-mail (the engine user's, where account mails
   * go) and the register's (where case mails go) change together, once. The person's other pending
   * links (another address, a password reset sent to the old address) stop working.
   *
   * @return the new address
   */
  @Transactional
  public String confirmEmailChange(String token) {
    AccountToken link = lockUsable(token, AccountToken.Purpose.EMAIL_CHANGE);
    User user = identity.createUserQuery().userId(link.foreignerNumber).singleResult();
    if (user == null) {
      throw new Refusal(LINK_INVALID);
    }
    for (AccountToken pending : tokens.findByForeignerNumberAndUsedAtIsNull(link.foreignerNumber)) {
      if (pending.purpose != AccountToken.Purpose.CREATE) {
        pending.usedAt = clock.instant();
      }
    }
    user.setEmail(link.email);
    identity.saveUser(user);
    register.changeEmail(link.foreignerNumber, link.email);
    return link.email;
  }

  /**
   * « n…@exemple.fr »: enough for the holder to recognise it, not a copy for whoever reads the old
   * mailbox.
   */
  static String masked(String email) {
    int at = email.lastIndexOf('@');
    return email.charAt(0) + "…" + email.substring(at);
  }

  private AccountToken consume(
      String token, AccountToken.Purpose purpose, String password, String confirmation) {
    AccountToken link = lockUsable(token, purpose);
    Refusal.unless(PasswordRules.check(password, confirmation));
    link.usedAt = clock.instant();
    return link;
  }

  /**
   * The link, locked until the end of the transaction, if it can still be used for this purpose.
   */
  private AccountToken lockUsable(String token, AccountToken.Purpose purpose) {
    return (token == null ? Optional.<AccountToken>empty() : tokens.lockByTokenHash(hash(token)))
        .filter(
            t -> t.purpose == purpose && t.usedAt == null && clock.instant().isBefore(t.expiresAt))
        .orElseThrow(() -> new Refusal(LINK_INVALID));
  }

  private String issue(
      AccountToken.Purpose purpose, String foreignerNumber, String email, String requestedBy) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    AccountToken saved =
        new AccountToken(
            hash(token),
            purpose,
            foreignerNumber,
            email,
            clock.instant(),
            clock.instant().plus(LINK_VALIDITY));
    saved.requestedBy = requestedBy;
    tokens.save(saved);
    return token;
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
