package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.anef.renewal.ServerTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.TestDates;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.MarkdownText;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person may send through the public REST API and the upload pages, replayed over HTTP on a
 * running server: each refusal is asserted together with the fact that nothing was stored or
 * changed.
 */
@ServerTest
class CaseInputTests {

  static final String AGENT = "agent.lille";
  static final String DEMO_PASSWORD = "Demo-2026!";
  static final String TOO_LARGE = "L'envoi dépasse la taille autorisée : 10 Mo par fichier.";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate anonymous;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired FilingService filing;
  @Autowired Cases renewals;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** The server's today: its clock is in French legal time. */
  static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
  }

  // ---- helpers: the applicant files through the REST API, as Tasklist does

  String newApplicant() {
    return TestApplicants.create(register, identity, 90);
  }

  TestRestTemplate applicant(String id) {
    return anonymous.withBasicAuth(id, TestApplicants.PASSWORD);
  }

  TestRestTemplate agent() {
    return anonymous.withBasicAuth(AGENT, DEMO_PASSWORD);
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  ResponseEntity<JsonNode> start(TestRestTemplate client) {
    return client.postForEntity(
        "/engine-rest/process-definition/key/residence-permit-renewal/start",
        Map.of("variables", variables(Map.of("renewalRequested", true))),
        JsonNode.class);
  }

  /** The start form submitted as Tasklist does (the REST API answers a refusal there with 400). */
  ResponseEntity<JsonNode> submitStartForm(TestRestTemplate client) {
    return client.postForEntity(
        "/engine-rest/process-definition/key/residence-permit-renewal/submit-form",
        Map.of("variables", variables(Map.of("renewalRequested", true))),
        JsonNode.class);
  }

  JsonNode currentTask(TestRestTemplate client, String instance) {
    JsonNode tasks =
        client.getForObject("/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  ResponseEntity<JsonNode> complete(
      TestRestTemplate client, String taskId, Map<String, Object> values) {
    return client.postForEntity(
        "/engine-rest/task/{id}/complete",
        Map.of("variables", variables(values)),
        JsonNode.class,
        taskId);
  }

  void completeCurrent(TestRestTemplate client, String instance, Map<String, Object> values) {
    ResponseEntity<JsonNode> completed =
        complete(client, currentTask(client, instance).get("id").asText(), values);
    assertThat(completed.getStatusCode())
        .as(String.valueOf(completed.getBody()))
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  static ByteArrayResource file(String name, byte[] bytes) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  ResponseEntity<JsonNode> upload(TestRestTemplate client, String code, String name, byte[] bytes) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("fichiers", file(name, bytes));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.postForEntity(
        "/api/demandes/courante/justificatifs/{code}",
        new HttpEntity<>(body, headers),
        JsonNode.class,
        code);
  }

  static final Map<String, Object> STEP_1 =
      Map.of(
          "email",
          "jeanne@exemple.fr",
          "phone",
          "0612345678",
          "housingType",
          "OWN",
          "action",
          "NEXT");
  static final Map<String, Object> STEP_2 =
      Map.of(
          "maritalStatus",
          "SINGLE",
          "dependentChildren",
          "NO",
          "attestationNoPolygamy",
          true,
          "attestationPenalties",
          true,
          "action",
          "NEXT");
  static final Map<String, Object> STEP_3 =
      Map.of(
          "ephotoNumber",
          "1234567890123456789012",
          "ephotoNumberConfirmation",
          "1234567890123456789012",
          "action",
          "NEXT");

  /**
   * Steps 1 to 3 with a file for every required document ({@code nationalityFile} for the
   * passport).
   */
  String upToTheDeposit(TestRestTemplate client, String nationalityFile) {
    ResponseEntity<JsonNode> started = start(client);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    completeCurrent(client, instance, STEP_1);
    completeCurrent(client, instance, STEP_2);
    for (String code :
        client
            .getForObject("/api/demandes/courante/justificatifs", JsonNode.class)
            .get("requirements")
            .findValuesAsText("code")) {
      String name = code.equals("NATIONALITY") ? nationalityFile : code.toLowerCase() + ".pdf";
      assertThat(upload(client, code, name, TestFiles.pdf()).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
    completeCurrent(client, instance, STEP_3);
    return instance;
  }

  String deposited(TestRestTemplate client) {
    String instance = upToTheDeposit(client, "passeport.pdf");
    completeCurrent(client, instance, Map.of("observations", "", "action", "NEXT"));
    return instance;
  }

  static <T> T await(Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the condition did not hold within 60 s");
  }

  JsonNode reviewTask(String instance) throws InterruptedException {
    return await(
        () -> {
          JsonNode tasks =
              agent()
                  .getForObject(
                      "/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
          return tasks.size() == 1
                  && tasks.get(0).get("name").asText().equals("Examiner les pièces justificatives")
              ? tasks.get(0)
              : null;
        });
  }

  long cases(String applicantId) {
    return jdbc.queryForObject(
        "select count(*) from renewal_case where applicant_id = ?", Long.class, applicantId);
  }

  long runningRenewals(String applicantId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(RenewalProcess.KEY)
        .variableValueEquals(RenewalProcess.VAR_APPLICANT_ID, applicantId)
        .count();
  }

  // ---- 3. Applicant text in the agent's form; 2. the recap is the server's

  @Test
  @DisplayName(
      "Un nom de fichier en Markdown/HTML arrive échappé dans le formulaire de l'agent ; le récapitulatif est celui du serveur")
  void applicantTextReachesTheAgentEscaped() throws Exception {
    String applicantId = newApplicant();
    TestRestTemplate applicant = applicant(applicantId);
    String linkName = "[Pièce vérifiée par le service - cliquer ici](http:x) <img src=http:x>.pdf";
    String instance = upToTheDeposit(applicant, linkName);
    JsonNode stored =
        applicant.getForObject("/api/demandes/courante/justificatifs", JsonNode.class);
    String storedName =
        stored.findValuesAsText("fileName").stream()
            .filter(n -> n.contains("Pièce vérifiée"))
            .findFirst()
            .orElseThrow();
    assertThat(storedName).contains("](", "<img");

    // Step 4 with a recap of the applicant's own: accepted or refused by the boundary, never shown
    // to the agent.
    String step4 = currentTask(applicant, instance).get("id").asText();
    Map<String, Object> forged =
        Map.of(
            "observations",
            "",
            "action",
            "NEXT",
            "depositSummary",
            "NOTE DU SERVICE : pièces déjà contrôlées, tout valider");
    if (complete(applicant, step4, forged).getStatusCode() != HttpStatus.NO_CONTENT) {
      completeCurrent(applicant, instance, Map.of("observations", "", "action", "NEXT"));
    }

    JsonNode task = reviewTask(instance);
    JsonNode form =
        agent()
            .getForObject(
                "/engine-rest/task/{id}/form-variables", JsonNode.class, task.get("id").asText());
    String files = form.at("/files_NATIONALITY/value").asText();
    String links = form.at("/reviewFileLinks/value").asText();
    assertThat(files)
        .isEqualTo(MarkdownText.escape(storedName))
        .contains(
            "\\[Pièce vérifiée par le service \\- cliquer ici\\]\\(http\\:x\\)",
            "&lt;img src\\=http\\:x&gt;")
        .doesNotContain("<img", "](");
    assertThat(links)
        .contains(">" + MarkdownText.escape(storedName) + "</a>")
        .doesNotContain("<img", "](http");
    assertThat(links)
        .as("the server's own links stay links")
        .containsPattern("<a href=\"/agent/fichiers/[0-9a-f-]{36}\"");

    RenewalCase renewal = renewals.caseOf(instance);
    assertThat(form.at("/depositSummary/value").asText())
        .isEqualTo(filing.summary(renewal))
        .doesNotContain("NOTE DU SERVICE")
        .contains("Numéro ephoto : 1234567890123456789012");
    assertThat(form.at("/requestNumber/value").asText()).isEqualTo(renewal.getRequestNumber());
    assertThat(form.at("/applicantId/value").asText()).isEqualTo(applicantId);
  }

  // ---- 4. One open renewal per person

  @Test
  @DisplayName(
      "Une deuxième demande pendant que la première est déposée puis en instruction est refusée, en ligne et au guichet")
  void oneOpenRenewalPerPerson() throws Exception {
    String applicantId = newApplicant();
    TestRestTemplate applicant = applicant(applicantId);
    String first = deposited(applicant);
    String requestNumber = renewals.caseOf(first).getRequestNumber();
    assertThat(requestNumber).isNotBlank();

    ResponseEntity<JsonNode> again = submitStartForm(applicant);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").asText())
        .contains("Vous avez déjà une demande de renouvellement en cours (N° " + requestNumber);
    assertThat(cases(applicantId)).isEqualTo(1);
    assertThat(runningRenewals(applicantId)).isEqualTo(1);

    reviewTask(first);
    assertThat(renewals.caseOf(first).getStatus().name()).isEqualTo("IN_REVIEW");
    ResponseEntity<JsonNode> inReview = submitStartForm(applicant);
    assertThat(start(applicant).getStatusCode())
        .as("the plain start is refused too (the engine's REST API says 500)")
        .isNotEqualTo(HttpStatus.OK);
    assertThat(inReview.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inReview.getBody().get("message").asText())
        .contains("N° " + requestNumber, "« En instruction »");
    assertThat(cases(applicantId)).isEqualTo(1);
    assertThat(runningRenewals(applicantId)).isEqualTo(1);

    // At the counter: the agent checks the person's titre, then asks to open a renewal.
    LocalDate from = TestDates.today().minusYears(1);
    LocalDate until = TestDates.today().plusDays(90);
    String titleNumber = "8" + applicantId.substring(1);
    HttpResponse<String> identified =
        agentPost(
            "/agent/guichet/identification",
            null,
            "numero="
                + titleNumber
                + "&debutJour="
                + from.getDayOfMonth()
                + "&debutMois="
                + from.getMonthValue()
                + "&debutAnnee="
                + from.getYear()
                + "&finJour="
                + until.getDayOfMonth()
                + "&finMois="
                + until.getMonthValue()
                + "&finAnnee="
                + until.getYear());
    String cookie = sessionCookie(identified);
    assertThat(agentGet("/agent/guichet", cookie).body()).contains(applicantId);
    HttpResponse<String> opened = agentPost("/agent/guichet/demande", cookie, "");
    assertThat(opened.statusCode()).isEqualTo(302);
    String page = HtmlUtils.htmlUnescape(agentGet("/agent/guichet", cookie).body());
    assertThat(page)
        .contains(
            "Cette personne a déjà une demande de renouvellement en cours (N° " + requestNumber);
    assertThat(cases(applicantId)).isEqualTo(1);
    assertThat(runningRenewals(applicantId)).isEqualTo(1);
  }

  // ---- 5. Real calendar dates in plausible ranges

  @Test
  @DisplayName(
      "31/02/2020 et une union au 0001-01-01 sont refusés en français : rien n'est enregistré, l'étape reste ouverte")
  void impossibleUnionDates() {
    String applicantId = newApplicant();
    TestRestTemplate applicant = applicant(applicantId);
    String instance = start(applicant).getBody().get("id").asText();
    completeCurrent(applicant, instance, STEP_1);
    String step2 = currentTask(applicant, instance).get("id").asText();
    Map<String, String> refusals =
        Map.of(
            "31/02/2020", "La date de début de l'union n'est pas une date valide (JJ/MM/AAAA)",
            "2020-02-31", "La date de début de l'union n'est pas une date valide (JJ/MM/AAAA)",
            "0001-01-01",
                "La date de début de l'union ne peut pas précéder votre date de naissance (15/01/1990)");
    refusals.forEach(
        (date, message) -> {
          Map<String, Object> values = new HashMap<>(STEP_2);
          values.putAll(
              Map.of(
                  "maritalStatus",
                  "MARRIED",
                  "unionDate",
                  date,
                  "unionCountry",
                  "France",
                  "spouseChildren",
                  "NO"));
          ResponseEntity<JsonNode> refused = complete(applicant, step2, values);
          assertThat(refused.getStatusCode()).as(date).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(refused.getBody().get("message").asText()).as(date).contains(message);
          RenewalCase draft = renewals.caseOf(instance);
          assertThat(draft.getMaritalStatus()).as(date).isNull();
          assertThat(draft.getUnionDate()).as(date).isNull();
          assertThat(currentTask(applicant, instance).get("id").asText())
              .as("the step stays open")
              .isEqualTo(step2);
        });
  }

  @Test
  @DisplayName(
      "Une carte valable du 01/01/1900 au 01/06/1900 est refusée en français : aucune décision, la tâche reste ouverte")
  void cardValidityFromThePast() throws Exception {
    String applicantId = newApplicant();
    String instance = deposited(applicant(applicantId));
    JsonNode review = reviewTask(instance);
    JsonNode reviewForm =
        agent()
            .getForObject(
                "/engine-rest/task/{id}/form-variables", JsonNode.class, review.get("id").asText());
    Map<String, Object> verdicts = new HashMap<>();
    reviewForm
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("label_") && !reviewForm.at("/" + name + "/value").isNull()) {
                verdicts.put("verdict_" + name.substring("label_".length()), "VALID");
              }
            });
    assertThat(complete(agent(), review.get("id").asText(), verdicts).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    String requestNumber = renewals.caseOf(instance).getRequestNumber();
    // OFII's messages, as its process sends them: the certificate's receipt, then the opinion.
    await(
        () ->
            runtime
                        .createEventSubscriptionQuery()
                        .processInstanceId(instance)
                        .eventName(RenewalProcess.MESSAGE_CERTIFICATE_RECEIVED)
                        .activityId("intermediateCatch_certificateReceivedBeforeRead")
                        .count()
                    > 0
                ? true
                : null);
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_CERTIFICATE_RECEIVED)
        .processInstanceId(instance)
        .setVariable("certificateReceivedDate", today().toString())
        .correlateAllWithResult();
    await(
        () ->
            runtime
                        .createEventSubscriptionQuery()
                        .processInstanceId(instance)
                        .eventName(RenewalProcess.MESSAGE_OFII_OPINION)
                        .count()
                    > 0
                ? true
                : null);
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_OFII_OPINION)
        .processInstanceBusinessKey(requestNumber)
        .setVariable("careNeeded", true)
        .setVariable("exceptionallySeriousConsequences", true)
        .setVariable("effectiveAccessToCareInOriginCountry", false)
        .setVariable("expectedCareDurationMonths", 12)
        .setVariable("fitToTravel", true)
        .setVariable("opinionDate", today().toString())
        .correlate();
    JsonNode decide =
        await(
            () -> {
              JsonNode tasks =
                  agent()
                      .getForObject(
                          "/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
              return tasks.size() == 1
                      && tasks.get(0).get("name").asText().equals("Décider de la demande")
                  ? tasks.get(0)
                  : null;
            });
    String caseId = renewals.caseOf(instance).getId().toString();
    String statusBefore = renewals.caseOf(instance).getStatus().name();

    for (Map<String, Object> values :
        List.<Map<String, Object>>of(
            Map.of(
                "decision",
                "FAVOURABLE",
                "cardValidFrom",
                "1900-01-01",
                "cardValidUntil",
                "1900-06-01"),
            Map.of(
                "decision",
                "FAVOURABLE",
                "cardValidFrom",
                "2027-02-31",
                "cardValidUntil",
                "2028-01-01"),
            Map.of(
                "decision",
                "FAVOURABLE",
                "cardValidFrom",
                today().plusDays(10).toString(),
                "cardValidUntil",
                today().plusDays(5).toString()))) {
      ResponseEntity<JsonNode> refused = complete(agent(), decide.get("id").asText(), values);
      assertThat(refused.getStatusCode()).as(values.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").asText())
          .as(values.toString())
          .containsAnyOf(
              "ne peut pas commencer avant la date de la décision",
              "n'est pas une date valide",
              "doit être postérieure à son début");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from decision where case_id = ?",
                  Long.class,
                  java.util.UUID.fromString(caseId)))
          .isZero();
      assertThat(renewals.caseOf(instance).getStatus().name()).isEqualTo(statusBefore);
      assertThat(
              agent()
                  .getForObject(
                      "/engine-rest/task?processInstanceId={id}", JsonNode.class, instance)
                  .findValuesAsText("id"))
          .containsExactly(decide.get("id").asText());
    }
    assertThat(
            complete(
                    agent(),
                    decide.get("id").asText(),
                    Map.of(
                        "decision",
                        "FAVOURABLE",
                        "cardValidFrom",
                        today().toString(),
                        "cardValidUntil",
                        today().plusYears(1).toString()))
                .getStatusCode())
        .as("a validity from today is accepted")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from decision where case_id = ?",
                Long.class,
                java.util.UUID.fromString(caseId)))
        .isEqualTo(1);
  }

  // ---- 6. The e-mail as the mailer reads it

  @Test
  @DisplayName(
      "Une adresse \"><img/src=x>@x.fr est refusée en français à l'étape 1 : rien n'est enregistré")
  void emailTheMailerWouldRefuse() {
    String applicantId = newApplicant();
    TestRestTemplate applicant = applicant(applicantId);
    String instance = start(applicant).getBody().get("id").asText();
    String step1 = currentTask(applicant, instance).get("id").asText();
    Map<String, Object> values = new HashMap<>(STEP_1);
    values.put("email", "\"><img/src=x>@x.fr");
    ResponseEntity<JsonNode> refused = complete(applicant, step1, values);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // Refused at the boundary, by the form's e-mail validation (the step's own check says the same
    // behind it).
    assertThat(refused.getBody().get("message").asText())
        .contains("L'adresse email", "n'est pas valide");
    RenewalCase draft = renewals.caseOf(instance);
    assertThat(draft.getEmail()).isNull();
    assertThat(draft.getPhone()).isNull();
    assertThat(currentTask(applicant, instance).get("id").asText()).isEqualTo(step1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outgoing_mail where recipient like ?", Long.class, "%img%"))
        .isZero();
  }

  // ---- 7. An oversized sending gets the French message

  @Test
  @DisplayName(
      "Un envoi de plus de 60 Mo reçoit le message « 10 Mo » en français (API : 413, page : l'erreur) ; rien n'est enregistré")
  void oversizedUpload() throws Exception {
    String applicantId = newApplicant();
    TestRestTemplate applicant = applicant(applicantId);
    String instance = start(applicant).getBody().get("id").asText();
    completeCurrent(applicant, instance, STEP_1);
    completeCurrent(applicant, instance, STEP_2);
    String caseId = renewals.caseOf(instance).getId().toString();
    byte[] big = new byte[61 * 1024 * 1024];
    byte[] pdf = TestFiles.pdf();
    System.arraycopy(pdf, 0, big, 0, pdf.length);

    HttpResponse<String> api =
        multipart("/api/demandes/courante/justificatifs/NATIONALITY", applicantId, null, big);
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(api.body()).get("messages").get(0).asText()).isEqualTo(TOO_LARGE);

    HttpResponse<String> page = multipart("/mon-espace/justificatifs", applicantId, null, big);
    assertThat(page.statusCode()).isIn(302, 303);
    assertThat(page.headers().firstValue("Location").orElseThrow())
        .contains("/mon-espace/justificatifs");
    String cookie = sessionCookie(page);
    HttpResponse<String> shown =
        send(
            HttpRequest.newBuilder(uri("/mon-espace/justificatifs"))
                .header("Authorization", basic(applicantId, TestApplicants.PASSWORD))
                .header("Cookie", cookie)
                .GET()
                .build());
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(HtmlUtils.htmlUnescape(shown.body())).contains(TOO_LARGE);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from document_file where case_id = ?",
                Long.class,
                java.util.UUID.fromString(caseId)))
        .isZero();
    assertThat(
            applicant
                .getForObject("/api/demandes/courante/justificatifs", JsonNode.class)
                .findValuesAsText("fileName"))
        .isEmpty();
    assertThat(upload(applicant, "NATIONALITY", "passeport.pdf", TestFiles.pdf()).getStatusCode())
        .as("the server still takes a normal sending")
        .isEqualTo(HttpStatus.CREATED);
  }

  // ---- plain HTTP, for sessions and large bodies

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";", 2)[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie"));
  }

  HttpResponse<String> agentPost(String path, String cookie, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(AGENT, DEMO_PASSWORD))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  HttpResponse<String> agentGet(String path, String cookie) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(AGENT, DEMO_PASSWORD))
            .header("Cookie", cookie)
            .GET()
            .build());
  }

  HttpResponse<String> multipart(String path, String user, String cookie, byte[] content)
      throws Exception {
    String boundary = "----limite" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"fichiers-NATIONALITY\"; filename=\"gros.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", basic(user, TestApplicants.PASSWORD))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }
}
