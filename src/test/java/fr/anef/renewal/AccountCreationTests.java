package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * « Créer un compte » on a running server, the link taken from the mail the SMTP server received.
 */
@ServerTest
class AccountCreationTests {

  static final Pattern LINK =
      Pattern.compile("/compte/(confirmation|reinitialisation)\\?jeton=([0-9a-f]{64})");

  @Autowired TestRestTemplate http;
  @Autowired GreenMail greenMail;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  record Holder(
      String foreignerNumber, String titleNumber, LocalDate from, LocalDate until, String email) {}

  Holder holder() {
    String id = "77" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    LocalDate from = LocalDate.of(2025, 12, 1);
    LocalDate until = LocalDate.of(2026, 12, 31);
    register.saveIfAbsent(
        new RegisteredPerson(
                id,
                "COMPTE",
                "NOUVEAU",
                "M",
                LocalDate.of(1995, 2, 3),
                "Dakar",
                "Sénégal",
                "Sénégalaise")
            .livingAt("1 rue du Test", "59000", "Lille", "FRANCE"),
        List.of(
            new ResidenceTitle(
                "6" + id.substring(1),
                id,
                "Etranger malade",
                "VIE PRIVÉE ET FAMILIALE",
                from,
                until)));
    return new Holder(id, "6" + id.substring(1), from, until, "compte." + id + "@exemple.fr");
  }

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  /**
   * Posts a form as a browser does: from a page of the same session, with the token that page
   * carries.
   */
  ResponseEntity<String> post(String url, Map<String, String> fields) {
    ResponseEntity<String> page = http.getForEntity("/compte/mot-de-passe-oublie", String.class);
    Matcher token = CSRF.matcher(page.getBody());
    assertThat(token.find()).as("the form carries a CSRF token").isTrue();
    String session =
        page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    form.add("_csrf", token.group(1));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, session);
    return unescaped(http.postForEntity(url, new HttpEntity<>(form, headers), String.class));
  }

  /** The page as a person reads it (Thymeleaf escapes apostrophes). */
  static ResponseEntity<String> unescaped(ResponseEntity<String> response) {
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .body(
            response.getBody() == null
                ? null
                : org.springframework.web.util.HtmlUtils.htmlUnescape(response.getBody()));
  }

  ResponseEntity<String> get(String url) {
    return unescaped(http.getForEntity(url, String.class));
  }

  ResponseEntity<String> requestAccount(Holder h, LocalDate from) {
    return post(
        "/compte/creation",
        Map.of(
            "numero",
            h.titleNumber(),
            "debutJour",
            "" + from.getDayOfMonth(),
            "debutMois",
            "" + from.getMonthValue(),
            "debutAnnee",
            "" + from.getYear(),
            "finJour",
            "" + h.until().getDayOfMonth(),
            "finMois",
            "" + h.until().getMonthValue(),
            "finAnnee",
            "" + h.until().getYear(),
            "email",
            h.email(),
            "emailConfirmation",
            h.email()));
  }

  String linkSentTo(String email) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage message : greenMail.getReceivedMessages()) {
        if (message.getAllRecipients()[0].toString().equals(email)) {
          Matcher link =
              LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
          if (link.find()) {
            return link.group();
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no link mailed to " + email);
  }

  int mailsTo(String email) throws Exception {
    int count = 0;
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(email)) {
        count++;
      }
    }
    return count;
  }

  @Test
  @DisplayName(
      "Le lien reçu par email crée le mot de passe ; le nouvel usager se connecte à l'API et à Tasklist")
  void accountFromTheMailedLink() throws Exception {
    Holder h = holder();
    assertThat(requestAccount(h, h.from()).getBody())
        .contains("Demande de création de compte bien enregistrée");
    String link = linkSentTo(h.email());
    assertThat(get(link).getBody()).contains("Créez votre mot de passe");
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    String stored = "";
    while (Instant.now().isBefore(until) && !stored.contains("contenu retiré")) {
      stored =
          String.join(
              "",
              jdbc.queryForList(
                  "select body from outgoing_mail where recipient = ?", String.class, h.email()));
      Thread.sleep(100);
    }
    assertThat(stored)
        .as("no copy of the single-use link is kept once sent")
        .contains("contenu retiré")
        .doesNotContain("jeton=");
    String token = link.substring(link.indexOf('=') + 1);

    for (Map.Entry<String, String> weak :
        Map.of(
                "Co-1!",
                "au moins 8 caractères",
                "minuscule-1!",
                "Il manque une majuscule",
                "MAJUSCULE-1!",
                "Il manque une minuscule",
                "SansChiffre!",
                "Il manque un chiffre",
                "SansSpecial1",
                "Il manque un caractère spécial")
            .entrySet()) {
      String page =
          post(
                  "/compte/confirmation",
                  Map.of(
                      "jeton", token, "motDePasse", weak.getKey(), "confirmation", weak.getKey()))
              .getBody();
      assertThat(page).as(weak.getKey()).contains(weak.getValue());
    }
    assertThat(
            post(
                    "/compte/confirmation",
                    Map.of(
                        "jeton",
                        token,
                        "motDePasse",
                        "Valide-2026!",
                        "confirmation",
                        "Autre-2026!"))
                .getBody())
        .contains("La confirmation ne correspond pas");
    assertThat(identity.createUserQuery().userId(h.foreignerNumber()).count()).isZero();

    assertThat(
            post(
                    "/compte/confirmation",
                    Map.of(
                        "jeton",
                        token,
                        "motDePasse",
                        "Valide-2026!",
                        "confirmation",
                        "Valide-2026!"))
                .getBody())
        .contains("Votre compte a bien été créé", h.foreignerNumber());
    assertThat(identity.createGroupQuery().groupMember(h.foreignerNumber()).list())
        .extracting(g -> g.getId())
        .containsExactly("applicants");
    assertThat(
            http.withBasicAuth(h.foreignerNumber(), "Valide-2026!")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(tasklistLogin(h.foreignerNumber(), "Valide-2026!")).isEqualTo(HttpStatus.OK);

    assertThat(
            post(
                    "/compte/confirmation",
                    Map.of(
                        "jeton",
                        token,
                        "motDePasse",
                        "Encore-2026!",
                        "confirmation",
                        "Encore-2026!"))
                .getBody())
        .as("a used link")
        .contains("Ce lien n'est plus valable");
    assertThat(requestAccount(h, h.from()).getBody())
        .as("one account per N° étranger")
        .contains("Un compte existe déjà");
  }

  HttpStatus tasklistLogin(String user, String password) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String xsrf =
        cookies.stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.substring(11, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(
        HttpHeaders.COOKIE,
        String.join("; ", cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList()));
    headers.add("X-XSRF-TOKEN", xsrf);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return HttpStatus.valueOf(
        http.exchange(
                "/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST,
                new HttpEntity<>(form, headers),
                String.class)
            .getStatusCode()
            .value());
  }

  @Test
  @DisplayName(
      "Après 5 échecs le compte est verrouillé (15 minutes), dans l'API comme dans les pages ; l'administrateur le voit ; le lien de réinitialisation le déverrouille")
  void lockOutAfterFiveFailures() throws Exception {
    Holder h = holder();
    requestAccount(h, h.from());
    String create = linkSentTo(h.email());
    post(
        "/compte/confirmation",
        Map.of(
            "jeton",
            create.substring(create.indexOf('=') + 1),
            "motDePasse",
            "Valide-2026!",
            "confirmation",
            "Valide-2026!"));
    Instant now = Instant.now();
    for (int attempt = 1; attempt <= 5; attempt++) {
      ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(2L * attempt))));
      assertThat(
              http.withBasicAuth(h.foreignerNumber(), "Mauvais-1!")
                  .getForEntity("/engine-rest/task", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // The 5th failure (at +10 min) locks for 15 minutes (LoginLockTests: the lock grows, ends, is
    // mailed).
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(20))));
    assertThat(
            http.withBasicAuth(h.foreignerNumber(), "Valide-2026!")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .as("locked: the right password is refused too")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth(h.foreignerNumber(), "Valide-2026!")
                .getForEntity("/api/demandes", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    String lock =
        http.withBasicAuth("admin", "Demo-2026!")
            .getForObject("/engine-rest/user/{id}/profile", String.class, h.foreignerNumber());
    assertThat(lock).contains(h.foreignerNumber());
    assertThat(identity.createUserQuery().userId(h.foreignerNumber()).singleResult())
        .extracting("lockExpirationTime")
        .as("visible to the administrator (Camunda Admin shows it and unlocks)")
        .isNotNull();

    post("/compte/mot-de-passe-oublie", Map.of("identifiant", h.foreignerNumber()));
    String reset = resetLinkFor(h.email());
    post(
        "/compte/reinitialisation",
        Map.of(
            "jeton",
            reset.substring(reset.indexOf('=') + 1),
            "motDePasse",
            "Nouveau-2027!",
            "confirmation",
            "Nouveau-2027!"));
    assertThat(
            http.withBasicAuth(h.foreignerNumber(), "Nouveau-2027!")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  String resetLinkFor(String email) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage message : greenMail.getReceivedMessages()) {
        Matcher link =
            LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        if (message.getAllRecipients()[0].toString().equals(email)
            && link.find()
            && link.group(1).equals("reinitialisation")) {
          return link.group();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no reset link mailed to " + email);
  }

  @Test
  @DisplayName(
      "Un numéro ou des dates erronés : un seul message, qui ne dit pas ce qui est faux ; aucun compte, aucun email")
  void wrongTitleIsRefusedGenerically() throws Exception {
    Holder h = holder();
    String wrongDate = requestAccount(h, h.from().plusDays(1)).getBody();
    Holder unknown = new Holder(h.foreignerNumber(), "0000000000", h.from(), h.until(), h.email());
    String wrongNumber = requestAccount(unknown, h.from()).getBody();
    for (String page : List.of(wrongDate, wrongNumber)) {
      assertThat(page).contains("ne correspondent à aucun visa ni titre de séjour");
    }
    // Every mail leaves through the outbox, queued in the request's own transaction (MailOutbox):
    // the request has answered, so no row means no mail now or later (accountFromTheMailedLink sees
    // the row a valid request queues).
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outgoing_mail where lower(recipient) = lower(?)",
                Integer.class,
                h.email()))
        .isZero();
    assertThat(mailsTo(h.email())).isZero();
    assertThat(identity.createUserQuery().userId(h.foreignerNumber()).count()).isZero();
  }

  @Test
  @DisplayName("Un lien de plus de 24 heures est refusé")
  void expiredLink() throws Exception {
    Holder h = holder();
    requestAccount(h, h.from());
    String link = linkSentTo(h.email());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(25))));
    assertThat(get(link).getBody()).contains("Ce lien n'est plus valable");
    assertThat(
            post(
                    "/compte/confirmation",
                    Map.of(
                        "jeton",
                        link.substring(link.indexOf('=') + 1),
                        "motDePasse",
                        "Valide-2026!",
                        "confirmation",
                        "Valide-2026!"))
                .getBody())
        .contains("Ce lien n'est plus valable");
    assertThat(identity.createUserQuery().userId(h.foreignerNumber()).count()).isZero();
  }

  @Test
  @DisplayName(
      "« Mot de passe oublié ? » : même réponse pour un identifiant inconnu ; le lien change le mot de passe une fois")
  void passwordReset() throws Exception {
    Holder h = holder();
    requestAccount(h, h.from());
    String create = linkSentTo(h.email());
    post(
        "/compte/confirmation",
        Map.of(
            "jeton",
            create.substring(create.indexOf('=') + 1),
            "motDePasse",
            "Valide-2026!",
            "confirmation",
            "Valide-2026!"));
    String unknownAnswer =
        post("/compte/mot-de-passe-oublie", Map.of("identifiant", "0000000001")).getBody();
    String knownAnswer =
        post("/compte/mot-de-passe-oublie", Map.of("identifiant", h.foreignerNumber())).getBody();
    assertThat(knownAnswer).contains("Si un compte correspond à cet identifiant");
    assertThat(unknownAnswer).contains("Si un compte correspond à cet identifiant");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String reset = null;
    while (reset == null && Instant.now().isBefore(deadline)) {
      for (MimeMessage message : greenMail.getReceivedMessages()) {
        Matcher link =
            LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        if (message.getAllRecipients()[0].toString().equals(h.email())
            && link.find()
            && link.group(1).equals("reinitialisation")) {
          reset = link.group();
        }
      }
      Thread.sleep(200);
    }
    assertThat(reset).isNotNull();
    String token = reset.substring(reset.indexOf('=') + 1);
    assertThat(
            post(
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
    assertThat(identity.checkPassword(h.foreignerNumber(), "Nouveau-2027!")).isTrue();
    assertThat(
            post(
                    "/compte/reinitialisation",
                    Map.of(
                        "jeton",
                        token,
                        "motDePasse",
                        "Encore-2028!",
                        "confirmation",
                        "Encore-2028!"))
                .getBody())
        .contains("Ce lien n'est plus valable");
  }
}
