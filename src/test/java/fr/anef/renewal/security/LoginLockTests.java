package fr.anef.renewal.security;

import static fr.anef.renewal.security.WebSession.await;
import static fr.anef.renewal.security.WebSession.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.anef.renewal.ServerTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.register.Register;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * « Anyone can lock anyone out »: wrong passwords replayed on the three ways in (HTTP Basic on
 * /engine-rest and on /api, Tasklist's login form) on a running server. The lock is temporary and
 * grows, the holder is mailed, the reset link lifts it. The engine clock is moved, never waited
 * for.
 */
@ServerTest
class LoginLockTests {

  static final String WRONG = "Mauvais-2026!";
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm").withZone(ZoneId.of("Europe/Paris"));
  static final Pattern RESET_LINK =
      Pattern.compile("/compte/reinitialisation\\?jeton=([0-9a-f]{64})");

  @Autowired TestRestTemplate http;
  @Autowired GreenMail greenMail;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  int engineRest(String user, String password) {
    return http.withBasicAuth(user, password)
        .getForEntity("/engine-rest/task", String.class)
        .getStatusCode()
        .value();
  }

  ResponseEntity<String> api(String user, String password) {
    return http.withBasicAuth(user, password).getForEntity("/api/demandes", String.class);
  }

  int tasklist(String user, String password) {
    return new WebSession(http).tasklistLogin(user, password);
  }

  UserEntity account(String id) {
    return (UserEntity) identity.createUserQuery().userId(id).singleResult();
  }

  List<String> lockNotices(String email) {
    return mailsTo(greenMail, email).stream()
        .filter(m -> m.startsWith("Votre compte est temporairement verrouillé"))
        .toList();
  }

  String lockNotice(String email, int count) throws InterruptedException {
    return await(
        count + " lock notice(s) to " + email,
        Duration.ofSeconds(30),
        () -> lockNotices(email).size() >= count ? lockNotices(email).get(count - 1) : null);
  }

  /**
   * Five wrong passwords, two minutes apart (past the engine's throttling delays); the instant of
   * the fifth.
   */
  Instant fiveFailures(String id, Instant from) {
    for (int i = 1; i <= 5; i++) {
      at(from.plus(Duration.ofMinutes(2L * i)));
      int status =
          switch (i % 3) {
            case 0 -> engineRest(id, WRONG);
            case 1 -> api(id, WRONG).getStatusCode().value();
            default -> tasklist(id, WRONG);
          };
      assertThat(status).as("wrong password %d", i).isEqualTo(401);
    }
    return from.plus(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName(
      "Sans anef.franceconnect.issuer-uri : ni bouton FranceConnect, ni point d'entrée OpenID Connect")
  void franceConnectIsOffUnlessConfigured() {
    ResponseEntity<String> login = http.getForEntity("/connexion", String.class);
    assertThat(login.getBody())
        .contains("S'identifier pour accéder à vos services.")
        .doesNotContain("FranceConnect");
    assertThat(http.getForEntity("/connexion/franceconnect", String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            http.getForEntity("/franceconnect/autorisation/franceconnect", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "5 mauvais mots de passe (API du moteur, API de l'application, Tasklist) : verrouillé 15 minutes partout, "
          + "titulaire prévenu une fois par email, puis de nouveau accepté")
  void fiveFailuresLockForFifteenMinutes() throws Exception {
    String id = TestApplicants.create(register, identity, 90);
    String email = "jeanne." + id + "@exemple.fr";
    Instant locked = fiveFailures(id, Instant.now());
    Instant until = locked.plus(Duration.ofMinutes(15));
    assertThat(account(id).getAttempts()).isEqualTo(5);
    assertThat(account(id).getLockExpirationTime()).isEqualTo(Date.from(until));

    at(locked.plus(Duration.ofMinutes(14)));
    assertThat(engineRest(id, TestApplicants.PASSWORD))
        .as("the right password, locked")
        .isEqualTo(401);
    assertThat(tasklist(id, TestApplicants.PASSWORD)).isEqualTo(401);
    ResponseEntity<String> refused = api(id, TestApplicants.PASSWORD);
    assertThat(refused.getStatusCode().value()).isEqualTo(401);
    assertThat(refused.getBody())
        .contains("Connexion refusée", "compte temporairement verrouillé", "Mot de passe oublié ?")
        .as("the same words for an identifier that does not exist")
        .isEqualTo(api("0000000000", WRONG).getBody());
    assertThat(
            http.withBasicAuth(id, TestApplicants.PASSWORD)
                .getForObject("/engine-rest/task", String.class))
        .isEqualTo(
            http.withBasicAuth("0000000000", WRONG).getForObject("/engine-rest/task", String.class))
        .contains("Connexion refusée");
    assertThat(account(id).getAttempts()).as("tries during a lock do not lengthen it").isEqualTo(5);

    String notice = lockNotice(email, 1);
    assertThat(notice)
        .contains(
            "Le " + WHEN.format(locked),
            "jusqu'au " + WHEN.format(until),
            "après 5 essais",
            "identifiant " + id,
            "Mot de passe oublié ?",
            "/compte/mot-de-passe-oublie");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outgoing_mail where recipient = ? and idempotency_key like ?",
                Integer.class,
                email,
                "account-locked:%"))
        .as("one mail per lock")
        .isEqualTo(1);

    at(until.plusSeconds(1));
    assertThat(engineRest(id, TestApplicants.PASSWORD)).as("the lock has ended").isEqualTo(200);
    assertThat(account(id).getAttempts()).isZero();
    assertThat(account(id).getLockExpirationTime()).isNull();
    assertThat(tasklist(id, TestApplicants.PASSWORD)).isEqualTo(200);
    assertThat(lockNotices(email)).hasSize(1);
  }

  @Test
  @DisplayName(
      "Le verrouillage grandit (15 min, 1 h, 24 h, puis 24 h encore) sans jamais devenir définitif ; un email par verrouillage")
  void lockGrowsButNeverForGood() throws Exception {
    String id = TestApplicants.create(register, identity, 90);
    String email = "jeanne." + id + "@exemple.fr";
    Instant from = Instant.now();
    List<Duration> expected =
        List.of(
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(24),
            Duration.ofHours(24));
    for (int round = 1; round <= expected.size(); round++) {
      Instant locked = fiveFailures(id, from);
      assertThat(account(id).getAttempts()).isEqualTo(5 * round);
      assertThat(account(id).getLockExpirationTime())
          .as("lock %d", round)
          .isEqualTo(Date.from(locked.plus(expected.get(round - 1))));
      assertThat(lockNotice(email, round))
          .contains("jusqu'au " + WHEN.format(locked.plus(expected.get(round - 1))));
      at(locked.plus(expected.get(round - 1)).minusSeconds(1));
      assertThat(engineRest(id, TestApplicants.PASSWORD))
          .as("still locked, round %d", round)
          .isEqualTo(401);
      from = locked.plus(expected.get(round - 1));
    }
    at(from.plusSeconds(1));
    assertThat(engineRest(id, TestApplicants.PASSWORD))
        .as("after 20 failures, the account opens again")
        .isEqualTo(200);
    assertThat(lockNotices(email)).hasSize(4);
  }

  @Test
  @DisplayName(
      "Le lien « Mot de passe oublié ? » lève le verrouillage : le nouveau mot de passe est accepté aussitôt")
  void resetLinkUnlocks() throws Exception {
    String id = TestApplicants.create(register, identity, 90);
    String email = "jeanne." + id + "@exemple.fr";
    Instant locked = fiveFailures(id, Instant.now());
    at(locked.plus(Duration.ofMinutes(1)));
    assertThat(engineRest(id, TestApplicants.PASSWORD)).isEqualTo(401);

    WebSession browser = new WebSession(http);
    browser.get("/compte/mot-de-passe-oublie");
    assertThat(browser.post("/compte/mot-de-passe-oublie", Map.of("identifiant", id)).getBody())
        .contains("Si un compte correspond à cet identifiant");
    String token =
        await(
            "reset link to " + email,
            Duration.ofSeconds(30),
            () ->
                mailsTo(greenMail, email).stream()
                    .map(RESET_LINK::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .findFirst()
                    .orElse(null));
    browser.get("/compte/reinitialisation?jeton=" + token);
    assertThat(
            browser
                .post(
                    "/compte/reinitialisation",
                    Map.of(
                        "jeton",
                        token,
                        "motDePasse",
                        "Nouveau-2027!",
                        "confirmation",
                        "Nouveau-2027!"))
                .getBody())
        .contains("Votre mot de passe a bien été modifié");

    assertThat(account(id).getLockExpirationTime()).isNull();
    assertThat(account(id).getAttempts()).isZero();
    assertThat(engineRest(id, "Nouveau-2027!")).as("unlocked within the 15 minutes").isEqualTo(200);
    assertThat(api(id, "Nouveau-2027!").getStatusCode().value()).isEqualTo(200);
    assertThat(tasklist(id, "Nouveau-2027!")).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Des mots de passe envoyés en parallèle s'attendent : le bon, essayé pendant l'échec d'un mauvais, est refusé")
  void parallelGuessesWaitForEachOther() throws Exception {
    String holder = TestApplicants.create(register, identity, 90);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> right =
          new TransactionTemplate(transactions)
              .execute(
                  status -> {
                    assertThat(identity.checkPassword(holder, WRONG))
                        .isFalse(); // its failure is not committed yet
                    Future<Boolean> second =
                        other.submit(() -> identity.checkPassword(holder, TestApplicants.PASSWORD));
                    // The second login waits for the first one's lock on the user's row (bounded
                    // look: it must not finish).
                    assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS))
                        .isInstanceOf(TimeoutException.class);
                    return second;
                  });
      assertThat(right.get(10, TimeUnit.SECONDS))
          .as("the right password, tried during the wrong one's delay")
          .isFalse();
    } finally {
      other.shutdownNow();
    }
  }
}
