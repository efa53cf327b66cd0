package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * « S'identifier avec FranceConnect » against a real OpenID Connect provider started by the test
 * (mock-oauth2-server, ADR 0021): the browser's whole way — /connexion, the provider's
 * authorization endpoint, the callback with the code, which the application exchanges for the ID
 * token and reads the userinfo — followed request by request with the cookies a browser keeps.
 */
@Tag(EngineTest.DATABASE)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "anef.franceconnect.client-id=" + FranceConnectLoginTests.CLIENT_ID,
      "anef.franceconnect.client-secret=secret-de-test"
    })
class FranceConnectLoginTests {

  static final String CLIENT_ID = "anef-renouvellement";
  static final String ISSUER = "franceconnect";
  static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

  static {
    PROVIDER.start(0);
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    properties.add("anef.franceconnect.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  @LocalServerPort int port;
  @Autowired Register register;
  @Autowired IdentityService identity;

  /** A browser: its cookies, every redirect followed by hand (each hop recorded). */
  final class Browser {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final List<URI> hops = new ArrayList<>();

    HttpResponse<String> open(String url) throws IOException, InterruptedException {
      return open(url, "text/html");
    }

    /** A request of Tasklist's own API (JSON), in this browser's session. */
    HttpResponse<String> api(String url) throws IOException, InterruptedException {
      return open(url, "application/json");
    }

    HttpResponse<String> open(String url, String accept) throws IOException, InterruptedException {
      URI uri = URI.create(url.startsWith("http") ? url : "http://localhost:" + port + url);
      for (int redirects = 0; redirects < 10; redirects++) {
        hops.add(uri);
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", accept)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 3) {
          return response;
        }
        uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
      }
      throw new AssertionError("trop de redirections : " + hops);
    }
  }

  /**
   * The identité pivot FranceConnect sends for this person (the provider's next token carries it).
   */
  static void franceConnectIdentifies(
      String givenName, String familyName, String birthdate, String gender) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("given_name", givenName);
    claims.put("family_name", familyName);
    claims.put("birthdate", birthdate);
    claims.put("gender", gender);
    claims.put("birthplace", "");
    claims.put("birthcountry", "99405");
    claims.put("preferred_username", "");
    claims.put("acr", "eidas1");
    PROVIDER.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER,
            "fc-" + ThreadLocalRandom.current().nextInt(1_000_000),
            "JWT",
            List.of(CLIENT_ID),
            claims,
            3600));
  }

  static String text(HttpResponse<String> page) {
    return HtmlUtils.htmlUnescape(page.body()).replaceAll("\\s+", " ");
  }

  @Test
  @DisplayName(
      "FranceConnect avec l'identité d'un demandeur : connecté, « Mon espace » et Tasklist le reconnaissent")
  void demoApplicantLogsInWithFranceConnect() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> login = browser.open("/connexion?suite=/mon-espace");
    assertThat(text(login))
        .contains("S'identifier avec FranceConnect", "Qu'est-ce que FranceConnect ?")
        .contains("/connexion/franceconnect?suite=/mon-espace");

    // GUIDE Malade (5903007229), as FranceConnect writes names: first names capitalised, accents
    // and case aside.
    franceConnectIdentifies("Malade", "Guide", "2000-10-03", "male");
    HttpResponse<String> space = browser.open("/connexion/franceconnect?suite=/mon-espace");

    assertThat(space.statusCode()).isEqualTo(200);
    assertThat(space.uri().getPath()).isEqualTo("/mon-espace");
    URI authorization =
        browser.hops.stream()
            .filter(u -> u.getPort() == PROVIDER.baseUrl().port())
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("jamais passé par le fournisseur : " + browser.hops));
    String query = URLDecoder.decode(authorization.getRawQuery(), StandardCharsets.UTF_8);
    assertThat(query)
        .contains(
            "response_type=code",
            "client_id=" + CLIENT_ID,
            "acr_values=eidas1",
            "state=",
            "nonce=",
            "given_name",
            "birthcountry",
            "redirect_uri=http://localhost:" + port + "/franceconnect/retour");
    assertThat(text(space)).contains("5903007229");

    // The webapps' session: Tasklist's own API knows the person, and the engine's API answers as
    // them.
    HttpResponse<String> tasklistUser = browser.api("/camunda/api/admin/auth/user/default");
    assertThat(tasklistUser.statusCode()).isEqualTo(200);
    assertThat(tasklistUser.body()).contains("\"userId\":\"5903007229\"").contains("tasklist");
    HttpResponse<String> tasks = browser.api("/camunda/api/engine/engine/default/task/count");
    assertThat(tasks.statusCode()).isEqualTo(200);
    // Nothing of Spring Security's stays: no token, no second session for /franceconnect.
    assertThat(browser.open("/connexion").uri().getPath()).startsWith("/camunda/app/tasklist/");
  }

  @Test
  @DisplayName(
      "Identité FranceConnect inconnue du registre : refus en français, aucune session, aucun compte créé")
  void unknownIdentityIsRefusedInFrench() throws Exception {
    long users = identity.createUserQuery().count();
    Browser browser = new Browser();
    franceConnectIdentifies(
        "Personne",
        "Inconnue" + ThreadLocalRandom.current().nextInt(1_000_000),
        "1980-01-01",
        "female");

    HttpResponse<String> refusal = browser.open("/connexion/franceconnect?suite=/mon-espace");

    assertThat(refusal.statusCode()).isEqualTo(200);
    assertThat(refusal.uri().getPath()).isEqualTo("/connexion/franceconnect/refus");
    assertThat(text(refusal))
        .contains(
            "Connexion avec FranceConnect impossible",
            "ne correspond à aucune personne connue de nos services",
            "Aucun compte n'a été créé");
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(browser.open("/mon-espace").uri().getPath())
        .as("still logged out")
        .isEqualTo("/connexion");
    assertThat(browser.api("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
    // The same refusal as a page is the application's French error page (it failed on its own
    // template before).
    HttpResponse<String> errorPage = browser.open("/camunda/api/admin/auth/user/default");
    assertThat(errorPage.statusCode()).isEqualTo(404);
    assertThat(text(errorPage)).contains("Page introuvable", "Code de l'erreur : 404");
  }

  @Test
  @DisplayName(
      "Identité FranceConnect de deux personnes du registre : refus « plusieurs personnes », aucune session")
  void ambiguousIdentityIsRefused() throws Exception {
    String family = "HOMONYME" + ThreadLocalRandom.current().nextInt(1_000_000);
    for (int i = 0; i < 2; i++) {
      String id = "66" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
      register.saveIfAbsent(
          new RegisteredPerson(
                  id,
                  family,
                  "ANNE MARIE",
                  "F",
                  LocalDate.of(1985, 6, 1),
                  "Lomé",
                  "Togo",
                  "Togolaise")
              .livingAt("2 rue Faidherbe", "59000", "Lille", "FRANCE"),
          List.of());
    }
    Browser browser = new Browser();
    franceConnectIdentifies("Anne-Marie", family, "1985-06-01", "female");

    HttpResponse<String> refusal = browser.open("/connexion/franceconnect");

    assertThat(refusal.uri().getPath()).isEqualTo("/connexion/franceconnect/refus");
    assertThat(text(refusal)).contains("correspond à plusieurs personnes connues de nos services");
    assertThat(browser.open("/mon-espace").uri().getPath()).isEqualTo("/connexion");
  }

  @Test
  @DisplayName(
      "Personne du registre sans compte : invitée à créer son compte, rien n'est créé en silence")
  void personWithoutAccountIsSentToAccountCreation() throws Exception {
    String id = "65" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    String family = "SANSCOMPTE" + ThreadLocalRandom.current().nextInt(1_000_000);
    register.saveIfAbsent(
        new RegisteredPerson(
                id,
                family,
                "ÉLODIE",
                "F",
                LocalDate.of(1991, 3, 4),
                "Dakar",
                "Sénégal",
                "Sénégalaise")
            .livingAt("2 rue Faidherbe", "59000", "Lille", "FRANCE"),
        List.of());
    Browser browser = new Browser();
    franceConnectIdentifies("Elodie", family, "1991-03-04", "female");

    HttpResponse<String> refusal = browser.open("/connexion/franceconnect");

    assertThat(text(refusal))
        .contains("vous n'avez pas encore de compte sur ce service", "Créer mon compte");
    assertThat(identity.createUserQuery().userId(id).count()).isZero();
    assertThat(browser.open("/mon-espace").uri().getPath()).isEqualTo("/connexion");
  }

  @Test
  @DisplayName(
      "Un retour de FranceConnect sans demande de connexion (state inconnu) est refusé en français")
  void forgedCallbackIsRefused() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> refusal = browser.open("/franceconnect/retour?code=volé&state=inventé");
    assertThat(refusal.uri().getPath()).isEqualTo("/connexion/franceconnect/refus");
    assertThat(text(refusal)).contains("La connexion avec FranceConnect n'a pas abouti");
    assertThat(browser.open("/mon-espace").uri().getPath()).isEqualTo("/connexion");
  }
}
