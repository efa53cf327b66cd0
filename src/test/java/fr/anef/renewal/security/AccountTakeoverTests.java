package fr.anef.renewal.security;

import static fr.anef.renewal.security.WebSession.await;
import static fr.anef.renewal.security.WebSession.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.anef.renewal.ServerTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.account.UserSelfGrants;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.ResidenceTitle;
import fr.anef.renewal.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * « Account e-mail changed without confirmation »: an applicant's own login replayed against the
 * engine's REST API ({@code /engine-rest} with HTTP Basic, the webapps' {@code /camunda/api/engine}
 * with a Tasklist session) on a running server; then the e-mail change the application offers,
 * confirmed by a link to the new address.
 */
@ServerTest
class AccountTakeoverTests {

  static final Pattern EMAIL_LINK = Pattern.compile("/compte/courriel\\?jeton=([0-9a-f]{64})");
  static final Pattern RESET_LINK =
      Pattern.compile("/compte/reinitialisation\\?jeton=([0-9a-f]{64})");
  static final String SCRIPT_ADDRESS = "\"><img/src=x>@x.fr";

  @Autowired TestRestTemplate http;
  @Autowired GreenMail greenMail;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired UserSelfGrants selfGrants;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String emailOf(String id) {
    return "jeanne." + id + "@exemple.fr";
  }

  int engineRest(String user, HttpMethod method, String url, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return refusedBy(
        http.withBasicAuth(user, TestApplicants.PASSWORD)
            .exchange(url, method, new HttpEntity<>(json, headers), String.class));
  }

  /**
   * The status; a 403 must be the engine's authorization check (not, say, a CSRF refusal of the
   * webapps).
   */
  static int refusedBy(ResponseEntity<String> response) {
    if (response.getStatusCode().value() == 403) {
      assertThat(response.getBody())
          .as("refused by the engine's authorization check")
          .contains("AuthorizationException");
    }
    return response.getStatusCode().value();
  }

  void asUser(String userId, Runnable action) {
    identity.setAuthentication(
        userId,
        java.util.List.of("applicants"),
        PrefectureTenants.ofGroups(identity, java.util.List.of("applicants")));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  static String profile(String id, String email) {
    return "{\"id\":\""
        + id
        + "\",\"firstName\":\"JEANNE\",\"lastName\":\"TESTEUR\",\"email\":\""
        + email
        + "\"}";
  }

  static final String CREDENTIALS =
      "{\"password\":\"Pirate-2026!\",\"authenticatedUserPassword\":\""
          + TestApplicants.PASSWORD
          + "\"}";

  /**
   * The account and the register as created; no link issued, no mail queued for it or for the other
   * address.
   */
  void nothingChanged(String id, String otherEmail) {
    assertThat(identity.createUserQuery().userId(id).singleResult())
        .as("the user still exists")
        .isNotNull()
        .extracting("email")
        .isEqualTo(emailOf(id));
    assertThat(register.person(id).orElseThrow().getEmail()).isEqualTo(emailOf(id));
    assertThat(identity.checkPassword(id, TestApplicants.PASSWORD))
        .as("the password is unchanged")
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from account_token where foreigner_number = ?", Integer.class, id))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outgoing_mail where recipient in (?, ?)",
                Integer.class,
                emailOf(id),
                otherEmail))
        .isZero();
  }

  @Test
  @DisplayName(
      "Un usager ne peut ni changer son email, ni son mot de passe, ni se supprimer par l'API du moteur (/engine-rest et /camunda/api/engine)")
  void engineUserApiIsReadOnlyForApplicants() throws Exception {
    String attacker = TestApplicants.create(register, identity, 90);
    String victim = TestApplicants.create(register, identity, 90);
    String victimEmail = emailOf(victim);

    assertThat(
            engineRest(
                attacker,
                HttpMethod.PUT,
                "/engine-rest/user/" + attacker + "/profile",
                profile(attacker, victimEmail)))
        .isEqualTo(403);
    assertThat(
            engineRest(
                attacker,
                HttpMethod.PUT,
                "/engine-rest/user/" + attacker + "/credentials",
                CREDENTIALS))
        .isEqualTo(403);
    assertThat(engineRest(attacker, HttpMethod.DELETE, "/engine-rest/user/" + attacker, null))
        .isEqualTo(403);
    assertThat(
            engineRest(
                attacker,
                HttpMethod.PUT,
                "/engine-rest/user/" + victim + "/profile",
                profile(victim, "pirate@x.fr")))
        .as("another user")
        .isEqualTo(403);
    // The engine's own lock, whatever the REST guard does (ADR 0008): READ only on one's own user.
    asUser(
        attacker,
        () -> {
          User self = identity.createUserQuery().userId(attacker).singleResult();
          self.setEmail(victimEmail);
          assertThatThrownBy(() -> identity.saveUser(self))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> identity.deleteUser(attacker))
              .isInstanceOf(AuthorizationException.class);
        });

    WebSession tasklist = new WebSession(http);
    assertThat(tasklist.tasklistLogin(attacker, TestApplicants.PASSWORD)).isEqualTo(200);
    String webappUser = "/camunda/api/engine/engine/default/user/" + attacker;
    assertThat(
            refusedBy(
                tasklist.webappApi(
                    HttpMethod.PUT, webappUser + "/profile", profile(attacker, victimEmail))))
        .isEqualTo(403);
    assertThat(
            refusedBy(tasklist.webappApi(HttpMethod.PUT, webappUser + "/credentials", CREDENTIALS)))
        .isEqualTo(403);
    assertThat(refusedBy(tasklist.webappApi(HttpMethod.DELETE, webappUser, null))).isEqualTo(403);
    assertThat(tasklist.webappApi(HttpMethod.GET, webappUser + "/profile", null).getBody())
        .as("Tasklist still reads the name")
        .contains("JEANNE");

    nothingChanged(attacker, victimEmail);
    assertThat(identity.createUserQuery().userId(victim).singleResult().getEmail())
        .isEqualTo(victimEmail);
    Authorization self =
        authorizations
            .createAuthorizationQuery()
            .userIdIn(attacker)
            .resourceType(Resources.USER)
            .resourceId(attacker)
            .singleResult();
    assertThat(
            self.getPermissions(
                new Permission[] {
                  Permissions.READ, Permissions.UPDATE, Permissions.DELETE, Permissions.ALL
                }))
        .containsExactly(Permissions.READ);

    // « Mot de passe oublié ? » for the attacker's identifier: the link goes to the attacker's own
    // address only.
    WebSession browser = new WebSession(http);
    browser.get("/compte/mot-de-passe-oublie");
    browser.post("/compte/mot-de-passe-oublie", Map.of("identifiant", attacker));
    await(
        "reset link to the attacker",
        Duration.ofSeconds(30),
        () ->
            mailsTo(greenMail, emailOf(attacker)).stream()
                .filter(m -> RESET_LINK.matcher(m).find())
                .findFirst()
                .orElse(null));
    assertThat(mailsTo(greenMail, victimEmail)).isEmpty();
  }

  @Test
  @DisplayName(
      "Au démarrage, les droits d'un usager créé avec ceux de Camunda (ALL sur lui-même) sont réduits à la lecture ; pas ceux d'un administrateur")
  void existingSelfGrantsAreReduced() {
    String legacy = TestApplicants.create(register, identity, 90);
    Authorization grant =
        authorizations
            .createAuthorizationQuery()
            .userIdIn(legacy)
            .resourceType(Resources.USER)
            .resourceId(legacy)
            .singleResult();
    grant.setPermissions(new Permission[] {Permissions.ALL});
    authorizations.saveAuthorization(grant);
    Authorization admin =
        authorizations
            .createAuthorizationQuery()
            .userIdIn("admin")
            .resourceType(Resources.USER)
            .resourceId("admin")
            .singleResult();
    admin.setPermissions(new Permission[] {Permissions.ALL});
    authorizations.saveAuthorization(admin);
    String email = emailOf(legacy);
    asUser(
        legacy,
        () -> {
          User self = identity.createUserQuery().userId(legacy).singleResult();
          self.setEmail(email);
          identity.saveUser(self); // Camunda's default grant: the engine accepts a profile change
        });

    assertThat(selfGrants.restrict()).isGreaterThanOrEqualTo(1);
    assertThat(selfGrants.restrict()).as("idempotent").isZero();

    asUser(
        legacy,
        () -> {
          User self = identity.createUserQuery().userId(legacy).singleResult();
          self.setEmail("pirate@x.fr");
          assertThatThrownBy(() -> identity.saveUser(self))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> identity.deleteUser(legacy))
              .isInstanceOf(AuthorizationException.class);
        });
    assertThat(
            engineRest(
                legacy,
                HttpMethod.PUT,
                "/engine-rest/user/" + legacy + "/profile",
                profile(legacy, "pirate@x.fr")))
        .isEqualTo(403);
    nothingChanged(legacy, "pirate@x.fr");
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .userIdIn("admin")
                .resourceType(Resources.USER)
                .resourceId("admin")
                .singleResult()
                .getPermissions(new Permission[] {Permissions.ALL}))
        .containsExactly(Permissions.ALL);
  }

  @Test
  @DisplayName(
      "Changer d'email depuis Mon espace : refus en français, puis lien à la nouvelle adresse, avis à l'ancienne ; "
          + "l'adresse (compte et registre) ne change qu'au lien, une seule fois")
  void emailChangeConfirmedByTheNewAddress() throws Exception {
    String id = TestApplicants.create(register, identity, 90);
    String old = emailOf(id);
    String fresh = "nouvelle." + id + "@exemple.fr";
    WebSession applicant = new WebSession(http);
    assertThat(applicant.tasklistLogin(id, TestApplicants.PASSWORD)).isEqualTo(200);
    assertThat(applicant.get("/mon-espace").getBody())
        .contains("Modifier mon adresse email", "/mon-espace/courriel");
    assertThat(applicant.get("/mon-espace/courriel").getBody())
        .contains("Modifier mon adresse email", old);

    assertThat(
            applicant
                .post(
                    "/mon-espace/courriel",
                    Map.of("email", SCRIPT_ADDRESS, "emailConfirmation", SCRIPT_ADDRESS))
                .getBody())
        .contains("L'adresse email n'est pas valide");
    assertThat(
            applicant
                .post(
                    "/mon-espace/courriel",
                    Map.of("email", fresh, "emailConfirmation", "autre." + fresh))
                .getBody())
        .contains("La confirmation de l'adresse email ne correspond pas");
    assertThat(
            applicant
                .post("/mon-espace/courriel", Map.of("email", old, "emailConfirmation", old))
                .getBody())
        .contains("Cette adresse est déjà celle de votre compte");
    nothingChanged(id, fresh);

    // A reset link mailed to the old address before the change: it must die with the change.
    WebSession other = new WebSession(http);
    other.get("/compte/mot-de-passe-oublie");
    other.post("/compte/mot-de-passe-oublie", Map.of("identifiant", id));
    String oldReset =
        await(
            "reset link to the old address",
            Duration.ofSeconds(30),
            () ->
                mailsTo(greenMail, old).stream()
                    .map(RESET_LINK::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(null));

    assertThat(
            applicant
                .post(
                    "/mon-espace/courriel",
                    Map.of("email", " " + fresh, "emailConfirmation", fresh))
                .getBody())
        .contains("Un lien de confirmation vient d'être envoyé à " + fresh);
    String token =
        await(
            "confirmation link to the new address",
            Duration.ofSeconds(30),
            () ->
                mailsTo(greenMail, fresh).stream()
                    .map(EMAIL_LINK::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(null));
    String notice =
        await(
            "notice to the old address",
            Duration.ofSeconds(30),
            () ->
                mailsTo(greenMail, old).stream()
                    .filter(m -> m.startsWith("Demande de changement de l'adresse email"))
                    .findFirst()
                    .orElse(null));
    assertThat(notice)
        .contains("n…@exemple.fr", "Mot de passe oublié ?")
        .doesNotContain(fresh, "jeton=");
    assertThat(identity.createUserQuery().userId(id).singleResult().getEmail())
        .as("not before the link")
        .isEqualTo(old);
    assertThat(register.person(id).orElseThrow().getEmail()).isEqualTo(old);

    WebSession newMailbox = new WebSession(http);
    assertThat(newMailbox.get("/compte/courriel?jeton=" + token).getBody())
        .contains("Confirmer ma nouvelle adresse email");
    assertThat(identity.createUserQuery().userId(id).singleResult().getEmail())
        .as("opening the link shows, changes nothing")
        .isEqualTo(old);
    assertThat(newMailbox.post("/compte/courriel", Map.of("jeton", token)).getBody())
        .contains("Votre adresse email a bien été modifiée", fresh);
    assertThat(identity.createUserQuery().userId(id).singleResult().getEmail()).isEqualTo(fresh);
    assertThat(register.person(id).orElseThrow().getEmail()).isEqualTo(fresh);
    assertThat(identity.checkPassword(id, TestApplicants.PASSWORD)).isTrue();

    assertThat(newMailbox.get("/compte/courriel?jeton=" + token).getBody())
        .contains("Ce lien n'est plus valable");
    assertThat(newMailbox.post("/compte/courriel", Map.of("jeton", token)).getBody())
        .contains("Ce lien n'est plus valable");
    other.get("/compte/reinitialisation?jeton=" + oldReset);
    assertThat(
            other
                .post(
                    "/compte/reinitialisation",
                    Map.of(
                        "jeton",
                        oldReset,
                        "motDePasse",
                        "Pirate-2027!",
                        "confirmation",
                        "Pirate-2027!"))
                .getBody())
        .as("the old address's reset link")
        .contains("Ce lien n'est plus valable");

    other.post("/compte/mot-de-passe-oublie", Map.of("identifiant", id));
    await(
        "reset link to the new address",
        Duration.ofSeconds(30),
        () ->
            mailsTo(greenMail, fresh).stream()
                .filter(m -> RESET_LINK.matcher(m).find())
                .findFirst()
                .orElse(null));
    assertThat(mailsTo(greenMail, old).stream().filter(m -> RESET_LINK.matcher(m).find()))
        .hasSize(1);
  }

  @Test
  @DisplayName("Le lien de changement d'email expire après 24 heures ; l'adresse reste l'ancienne")
  void emailChangeLinkExpires() throws Exception {
    String id = TestApplicants.create(register, identity, 90);
    String fresh = "tardive." + id + "@exemple.fr";
    assertThat(accounts.requestEmailChange(id, fresh, fresh)).isEqualTo(fresh);
    String token =
        await(
            "confirmation link",
            Duration.ofSeconds(30),
            () ->
                mailsTo(greenMail, fresh).stream()
                    .map(EMAIL_LINK::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(null));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(25))));
    WebSession browser = new WebSession(http);
    assertThat(browser.get("/compte/courriel?jeton=" + token).getBody())
        .contains("Ce lien n'est plus valable");
    browser.get("/compte/mot-de-passe-oublie");
    assertThat(browser.post("/compte/courriel", Map.of("jeton", token)).getBody())
        .contains("Ce lien n'est plus valable");
    assertThat(identity.createUserQuery().userId(id).singleResult().getEmail())
        .isEqualTo(emailOf(id));
    assertThat(register.person(id).orElseThrow().getEmail()).isEqualTo(emailOf(id));
  }

  @Test
  @DisplayName(
      "« \"><img/src=x>@x.fr » est refusé en français à la création de compte, au guichet et au changement d'email")
  void scriptAddressRefusedEverywhere() throws Exception {
    String id = TestApplicants.create(register, identity, 90);
    ResidenceTitle title = register.latestTitle(id).orElseThrow();
    WebSession browser = new WebSession(http);
    browser.get("/compte/creation");
    String page =
        browser
            .post(
                "/compte/creation",
                Map.of(
                    "numero",
                    title.getTitleNumber(),
                    "debutJour",
                    "" + title.getValidFrom().getDayOfMonth(),
                    "debutMois",
                    "" + title.getValidFrom().getMonthValue(),
                    "debutAnnee",
                    "" + title.getValidFrom().getYear(),
                    "finJour",
                    "" + title.getValidUntil().getDayOfMonth(),
                    "finMois",
                    "" + title.getValidUntil().getMonthValue(),
                    "finAnnee",
                    "" + title.getValidUntil().getYear(),
                    "email",
                    SCRIPT_ADDRESS,
                    "emailConfirmation",
                    SCRIPT_ADDRESS))
            .getBody();
    assertThat(page)
        .contains("L'adresse email n'est pas valide")
        .doesNotContain("Un compte existe déjà");
    assertThatThrownBy(
            () ->
                accounts.requestAccountAtCounter("agent.lille", id, SCRIPT_ADDRESS, SCRIPT_ADDRESS))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("L'adresse email n'est pas valide");
    assertThatThrownBy(() -> accounts.requestEmailChange(id, SCRIPT_ADDRESS, SCRIPT_ADDRESS))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("L'adresse email n'est pas valide");
    nothingChanged(id, SCRIPT_ADDRESS);
  }
}
