package fr.anef.renewal.account;

import fr.anef.renewal.mail.MailOutbox;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
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
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Créer un compte » and « Mot de passe oublié ? ». Links are single use and expire after 24 hours;
 * answers never tell which part of the titre was wrong, nor whether an identifier exists.
 */
@Service
public class AccountService {

  static final Duration LINK_VALIDITY = Duration.ofHours(24);
  static final String GROUP_APPLICANTS = "applicants";
  /** One generic refusal: it does not tell which of the number or the dates was wrong. */
  public static final String NO_SUCH_TITLE = "Les informations saisies ne correspondent à aucun visa ni titre de séjour : "
      + "vérifiez le numéro et les dates de validité.";
  static final String LINK_INVALID = "Ce lien n'est plus valable : il a déjà servi ou il a expiré (24 heures). "
      + "Recommencez la démarche pour en recevoir un nouveau.";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Register register;
  private final IdentityService identity;
  private final AccountTokenRepository tokens;
  private final MailOutbox outbox;
  private final Clock clock;
  private final String publicUrl;

  AccountService(Register register, IdentityService identity, AccountTokenRepository tokens, MailOutbox outbox,
      Clock clock, @Value("${anef.public-url:http://localhost:8080}") String publicUrl) {
    this.register = register;
    this.identity = identity;
    this.tokens = tokens;
    this.outbox = outbox;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /**
   * « Créer un compte »: the titre (number and validity dates) must be in the register; the e-mail is
   * confirmed by a link. One account per N° étranger.
   */
  @Transactional
  public void requestAccount(String titleNumber, LocalDate validFrom, LocalDate validUntil, String email,
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
   * The counter route: an agent who has seen the person's titre asks for their account. The link goes to
   * the person's e-mail, so the agent never knows the password; the request names the agent.
   */
  @Transactional
  public void requestAccountAtCounter(String agentId, String foreignerNumber, String email, String emailConfirmation) {
    String cleanEmail = email == null ? "" : email.strip();
    Refusal.unless(emailErrors(cleanEmail, emailConfirmation));
    register.person(foreignerNumber).orElseThrow(() -> new Refusal("Cette personne n'est pas enregistrée."));
    sendConfirmation(foreignerNumber, cleanEmail, agentId);
  }

  private void sendConfirmation(String foreignerNumber, String cleanEmail, String requestedBy) {
    if (hasAccount(foreignerNumber)) {
      throw new Refusal("Un compte existe déjà pour ce titre de séjour : connectez-vous avec votre N° étranger, ou "
          + "utilisez « Mot de passe oublié ? ».");
    }
    String token = issue(AccountToken.Purpose.CREATE, foreignerNumber, cleanEmail, requestedBy);
    outbox.enqueueSensitive("account-confirmation:" + hash(token), cleanEmail, "Confirmation de votre adresse email",
        "Bonjour,\n\nVous avez demandé la création de votre compte sur le site de l'administration numérique pour les "
            + "étrangers en France.\n\nPour confirmer votre adresse email et créer votre mot de passe, cliquez sur le lien "
            + "suivant (valable 24 heures, une seule fois) :\n\n" + publicUrl + "/compte/confirmation?jeton=" + token
            + "\n\nVotre identifiant de connexion sera votre N° Etranger.\n\nCordialement,\n\nLa Direction Générale des "
            + "Etrangers en France\n\nCe message est généré automatiquement, merci de ne pas y répondre.");
  }

  private static List<String> emailErrors(String cleanEmail, String emailConfirmation) {
    if (!EMAIL.matcher(cleanEmail).matches() || cleanEmail.length() > 254) {
      return List.of("L'adresse email n'est pas valide.");
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
    return tokens.findByForeignerNumberAndRequestedByIsNotNullOrderByCreatedAt(foreignerNumber).stream()
        .map(t -> new CounterRequest(t.createdAt, t.requestedBy)).toList();
  }

  /** Whether a link can still be used (to show the password form or an error). */
  @Transactional(readOnly = true)
  public boolean usable(String token, String purpose) {
    return token != null && tokens.findByTokenHash(hash(token))
        .filter(t -> t.purpose.name().equals(purpose) && t.usedAt == null && clock.instant().isBefore(t.expiresAt))
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
    outbox.enqueueSensitive("password-reset:" + hash(token), user.getEmail(), "Réinitialisation de votre mot de passe",
        "Bonjour,\n\nUne réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de "
            + "passe, cliquez sur le lien suivant (valable 24 heures, une seule fois) :\n\n" + publicUrl
            + "/compte/reinitialisation?jeton=" + token + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez "
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

  private AccountToken consume(String token, AccountToken.Purpose purpose, String password, String confirmation) {
    AccountToken link = token == null ? null : tokens.lockByTokenHash(hash(token))
        .filter(t -> t.purpose == purpose && t.usedAt == null && clock.instant().isBefore(t.expiresAt)).orElse(null);
    if (link == null) {
      throw new Refusal(LINK_INVALID);
    }
    Refusal.unless(PasswordRules.check(password, confirmation));
    link.usedAt = clock.instant();
    return link;
  }

  private String issue(AccountToken.Purpose purpose, String foreignerNumber, String email, String requestedBy) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    AccountToken saved = new AccountToken(hash(token), purpose, foreignerNumber, email, clock.instant(),
        clock.instant().plus(LINK_VALIDITY));
    saved.requestedBy = requestedBy;
    tokens.save(saved);
    return token;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
