package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What Camunda Modeler's « Deploy » does — one open file sent alone to {@code POST
 * /engine-rest/deployment/create}, as {@code analyste} — for each model file of the repository in
 * turn; then a case that was already waiting and a new case each go from their step 1 to OFII's
 * first task, every form found (ADR 0010).
 */
@ServerTest
class ModelerDeploymentTests {

  /**
   * What the analyst changed in a form: its first label, so that the form served proves which
   * version it is.
   */
  static final String CHANGED_LABEL = "Modifié par l'analyste — ";

  @Autowired TestRestTemplate anonymous;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired com.icegreen.greenmail.util.GreenMail greenMail;

  static Stream<String> modelFiles() throws IOException {
    try (Stream<Path> bpmn = Files.list(Path.of("bpmn"));
        Stream<Path> dmn = Files.list(Path.of("dmn"));
        Stream<Path> forms = Files.list(Path.of("forms"))) {
      return Stream.of(bpmn, dmn, forms)
          .flatMap(s -> s)
          .map(Path::toString)
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelFiles")
  @DisplayName(
      "Un fichier déployé seul depuis le Modeler ne casse ni les demandes en cours ni les nouvelles")
  void aFileDeployedAloneBreaksNoCase(String file) throws Exception {
    Walk running = new Walk(TestApplicants.create(register, identity, 90));
    Set<String> formsSeen = new HashSet<>();
    running.start(formsSeen);
    String deploymentId = deployAsModelerWould(file);
    try {
      running.throughToOfii(formsSeen);
      Walk fresh = new Walk(TestApplicants.create(register, identity, 90));
      fresh.start(formsSeen);
      fresh.throughToOfii(formsSeen);
      if (file.endsWith(".form")) {
        String key = readJson(Files.readString(Path.of(file))).get("id").asText();
        Set<String> walked =
            Set.of(
                "start-renewal",
                "personal-information",
                "reason-for-stay",
                "supporting-documents",
                "deposit",
                "review-application",
                "ofii-register-certificate");
        if (walked.contains(key)) {
          assertThat(formsSeen)
              .as("the analyst's version of %s is the one served", key)
              .contains(key);
        }
      }
    } finally {
      undeploy(deploymentId);
    }
  }

  /**
   * Removes the analyst's deployment and its cases. The job executor may be running one of their
   * jobs at that moment: the engine then refuses the delete with an optimistic-locking failure, or
   * finds an instance that a job ended between its query and its delete (« list of executions is
   * empty », « No process instance found »). Tried again, at most ten times; the last refusal is
   * reported.
   */
  void undeploy(String deploymentId) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        repository.deleteDeployment(deploymentId, true);
        return;
      } catch (org.camunda.bpm.engine.ProcessEngineException concurrentJob) {
        if (attempt == 10) {
          throw concurrentJob;
        }
        Thread.sleep(200);
      }
    }
  }

  @Test
  @DisplayName(
      "Chaque formulaire des modèles est lié à sa dernière version déployée, aucun au déploiement du modèle")
  void everyFormIsBoundToItsLatestVersion() throws IOException {
    for (String file : modelFiles().filter(f -> f.endsWith(".bpmn")).toList()) {
      var model = Bpmn.readModelFromFile(Path.of(file).toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRefBinding())
            .as("%s: %s", file, task.getId())
            .isEqualTo("latest");
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(start.getCamundaFormRefBinding())
              .as("%s: %s", file, start.getId())
              .isEqualTo("latest");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "Pages des analystes : migration (plan et demandes) et modèles déployés ; ni agent ni anonyme")
  void analystPages() {
    int latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(RenewalProcess.KEY)
            .latestVersion()
            .singleResult()
            .getVersion();
    String url = "/analyste/migrations?processus=residence-permit-renewal&de={v}&vers={v}";
    ResponseEntity<String> page =
        as("analyste", "Demo-2026!").getForEntity(url, String.class, latest, latest);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains(
            "Correspondance des étapes",
            "1. Informations personnelles",
            "Demandes qui seront migrées",
            "Demandes qui ne peuvent pas être migrées");
    assertThat(
            as("agent.lille", "Demo-2026!")
                .getForEntity(url, String.class, latest, latest)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> anonymousPage =
        anonymous.getForEntity(url, String.class, latest, latest);
    assertThat(anonymousPage.getStatusCode().is2xxSuccessful() ? anonymousPage.getBody() : "")
        .as("sent to the login")
        .doesNotContain("Correspondance des étapes");
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("processus", RenewalProcess.KEY);
    form.add("de", String.valueOf(latest));
    form.add("vers", String.valueOf(latest));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(
            as("agent.lille", "Demo-2026!")
                .postForEntity(
                    "/analyste/migrations", new HttpEntity<>(form, headers), String.class)
                .getStatusCode())
        .as("an agent migrates nothing")
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> models =
        as("admin", "Demo-2026!").getForEntity("/analyste/modeles", String.class);
    assertThat(models.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(models.getBody())
        .contains("Modèles déployés et dépôt", RenewalProcess.KEY, "Conforme au dépôt");
    assertThat(
            as("agent.lille", "Demo-2026!")
                .getForEntity("/analyste/modeles", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /**
   * The file, changed as an analyst would, sent alone the way Camunda Modeler 5 sends it; the new
   * deployment's id.
   */
  String deployAsModelerWould(String file) throws IOException {
    String content = Files.readString(Path.of(file));
    String changed =
        file.endsWith(".form")
            ? content.replaceFirst("\"label\": \"", "\"label\": \"" + CHANGED_LABEL)
            : content.replaceFirst("\\?>", "?>\n<!-- " + CHANGED_LABEL + "-->");
    assertThat(changed).isNotEqualTo(content);
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", Path.of(file).getFileName().toString());
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    body.add(
        Path.of(file).getFileName().toString(),
        named(Path.of(file).getFileName().toString(), changed.getBytes(StandardCharsets.UTF_8)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> deployed =
        as("analyste", "Demo-2026!")
            .postForEntity(
                "/engine-rest/deployment/create", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(deployed.getStatusCode())
        .as(String.valueOf(deployed.getBody()))
        .isEqualTo(HttpStatus.OK);
    assertThat(
            deployed.getBody().get("deployedProcessDefinitions").size()
                + deployed.getBody().get("deployedDecisionDefinitions").size()
                + repository
                    .getDeploymentResourceNames(deployed.getBody().get("id").asText())
                    .size())
        .isPositive();
    return deployed.getBody().get("id").asText();
  }

  @Test
  @DisplayName(
      "Un modèle refusé au déploiement depuis le Modeler : 400, l'analyste lit pourquoi, en français, sur le minuteur en cause ; rien n'est déployé")
  void aRefusedModelSaysWhyToTheAnalyst() throws IOException {
    long definitions =
        repository.createProcessDefinitionQuery().processDefinitionKey(RenewalProcess.KEY).count();
    String model =
        Files.readString(Path.of("bpmn/residence-permit-renewal.bpmn"))
            .replace(">P30D</bpmn:timeDuration>", ">PT3M</bpmn:timeDuration>");
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "residence-permit-renewal.bpmn");
    body.add(
        "residence-permit-renewal.bpmn",
        named("residence-permit-renewal.bpmn", model.getBytes(StandardCharsets.UTF_8)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> refused =
        as("analyste", "Demo-2026!")
            .postForEntity(
                "/engine-rest/deployment/create", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(refused.getStatusCode())
        .as(String.valueOf(refused.getBody()))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("type").asText()).isEqualTo("ParseException");
    assertThat(refused.getBody().get("message").asText())
        .contains(
            "Le nom du minuteur « 30 jours sans réponse » "
                + "(intermediateTimer_complementDeadline) ne dit pas sa durée, PT3M (« 3 minutes »)");
    // Modeler lists the problems of each resource, with the element: the French message is one of
    // them
    JsonNode error =
        refused.getBody().get("details").get("residence-permit-renewal.bpmn").get("errors").get(0);
    assertThat(error.get("message").asText())
        .startsWith("Le nom du minuteur « 30 jours sans réponse »");
    assertThat(error.get("mainElementId").asText())
        .isEqualTo(RenewalProcess.TIMER_COMPLEMENT_DEADLINE);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(RenewalProcess.KEY)
                .count())
        .as("nothing deployed")
        .isEqualTo(definitions);
  }

  /**
   * One applicant's case, walked through the REST API as Tasklist and the application's pages
   * would.
   */
  final class Walk {

    final String applicantId;
    final TestRestTemplate applicant;
    final TestRestTemplate agent = as("agent.lille", "Demo-2026!");
    String instance;

    Walk(String applicantId) {
      this.applicantId = applicantId;
      this.applicant = as(applicantId, TestApplicants.PASSWORD);
    }

    void start(Set<String> formsSeen) {
      ResponseEntity<String> startForm =
          applicant.getForEntity(
              "/engine-rest/process-definition/key/residence-permit-renewal/deployed-start-form",
              String.class);
      assertThat(startForm.getStatusCode()).as(startForm.getBody()).isEqualTo(HttpStatus.OK);
      if (startForm.getBody().contains(CHANGED_LABEL)) {
        formsSeen.add(readJson(startForm.getBody()).get("id").asText());
      }
      ResponseEntity<JsonNode> started =
          applicant.postForEntity(
              "/engine-rest/process-definition/key/residence-permit-renewal/start",
              Map.of("variables", variables(Map.of("renewalRequested", true))),
              JsonNode.class);
      assertThat(started.getStatusCode())
          .as(String.valueOf(started.getBody()))
          .isEqualTo(HttpStatus.OK);
      instance = started.getBody().get("id").asText();
    }

    /**
     * Steps 1 to 4, the agent's review (all valid), up to OFII's « Enregistrer la réception du
     * certificat ».
     */
    void throughToOfii(Set<String> formsSeen) throws Exception {
      step(
          formsSeen,
          Map.of(
              "email", email(), "phone", "06 12 34 56 78", "housingType", "OWN", "action", "NEXT"));
      step(
          formsSeen,
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
              "NEXT"));
      JsonNode required =
          applicant.getForObject("/api/demandes/courante/justificatifs", JsonNode.class);
      assertThat(required.get("requirements").findValuesAsText("code")).isNotEmpty();
      for (String code : required.get("requirements").findValuesAsText("code")) {
        assertThat(upload(code).getStatusCode()).isEqualTo(HttpStatus.CREATED);
      }
      step(
          formsSeen,
          Map.of(
              "ephotoNumber",
              "1234567890123456789012",
              "ephotoNumberConfirmation",
              "1234567890123456789012",
              "action",
              "NEXT"));
      step(formsSeen, Map.of("observations", "", "action", "NEXT"));

      JsonNode review =
          await(() -> taskNamed(agent, instance, "Examiner les pièces justificatives"));
      formsSeen.addAll(deployedForm(agent, review));
      JsonNode form =
          agent.getForObject(
              "/engine-rest/task/{id}/form-variables", JsonNode.class, review.get("id").asText());
      Map<String, Object> values = new HashMap<>();
      form.fieldNames()
          .forEachRemaining(
              name -> {
                if (name.startsWith("label_") && !form.at("/" + name + "/value").isNull()) {
                  values.put("verdict_" + name.substring("label_".length()), "VALID");
                }
              });
      assertThat(values).isNotEmpty();
      complete(agent, review, values);

      String requestNumber =
          await(
              () -> {
                JsonNode cases = applicant.getForObject("/api/demandes", JsonNode.class);
                return cases.size() == 1 ? cases.get(0).get("requestNumber").asText(null) : null;
              });
      TestRestTemplate doctor = as("medecin.ofii", "Demo-2026!");
      JsonNode register =
          await(
              () -> {
                JsonNode found =
                    doctor.getForObject(
                        "/engine-rest/task?processDefinitionKey=ofii-medical-opinion"
                            + "&processInstanceBusinessKey={key}&taskDefinitionKey=userTask_registerCertificate",
                        JsonNode.class,
                        requestNumber);
                return found.size() == 1 ? found.get(0) : null;
              });
      formsSeen.addAll(deployedForm(doctor, register));
      await(() -> mailsSent() ? Boolean.TRUE : null);
    }

    /**
     * The deposit's mails, each sent by its own « mail-dispatch » instance, reached the SMTP
     * server.
     */
    boolean mailsSent() {
      return Stream.of(greenMail.getReceivedMessages())
              .filter(m -> recipient(m).equals(email()))
              .count()
          >= 2;
    }

    String email() {
      return "jeanne." + applicantId + "@exemple.fr";
    }

    void step(Set<String> formsSeen, Map<String, Object> values) {
      JsonNode task =
          applicant.getForObject(
              "/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
      assertThat(task).hasSize(1);
      formsSeen.addAll(deployedForm(applicant, task.get(0)));
      complete(applicant, task.get(0), values);
    }

    ResponseEntity<JsonNode> upload(String code) {
      LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
      body.add("fichiers", named(code.toLowerCase() + ".pdf", TestFiles.pdf()));
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return applicant.postForEntity(
          "/api/demandes/courante/justificatifs/{code}",
          new HttpEntity<>(body, headers),
          JsonNode.class,
          code);
    }
  }

  /** The task's deployed form (HTTP 200 required); its key when it carries the analyst's change. */
  static Set<String> deployedForm(TestRestTemplate client, JsonNode task) {
    ResponseEntity<String> form =
        client.getForEntity(
            "/engine-rest/task/{id}/deployed-form", String.class, task.get("id").asText());
    assertThat(form.getStatusCode())
        .as("%s: %s", task.get("name").asText(), form.getBody())
        .isEqualTo(HttpStatus.OK);
    return form.getBody().contains(CHANGED_LABEL)
        ? Set.of(readJson(form.getBody()).get("id").asText())
        : Set.of();
  }

  static void complete(TestRestTemplate client, JsonNode task, Map<String, Object> values) {
    ResponseEntity<String> completed =
        client.postForEntity(
            "/engine-rest/task/{id}/complete",
            Map.of("variables", variables(values)),
            String.class,
            task.get("id").asText());
    assertThat(completed.getStatusCode())
        .as("%s: %s", task.get("name").asText(), completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  static JsonNode taskNamed(TestRestTemplate client, String instance, String name) {
    JsonNode tasks =
        client.getForObject("/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
    return tasks.size() == 1 && tasks.get(0).get("name").asText().equals(name)
        ? tasks.get(0)
        : null;
  }

  TestRestTemplate as(String user, String password) {
    return anonymous.withBasicAuth(user, password);
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  static ByteArrayResource named(String name, byte[] bytes) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  static JsonNode readJson(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls every 100 ms, for 60 s at most, until the probe finds what the jobs should have made. */
  static <T> T await(Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached within 60 s");
  }

  static String recipient(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
