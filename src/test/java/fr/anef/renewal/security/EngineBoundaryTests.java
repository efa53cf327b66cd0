package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.anef.renewal.ServerTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.engine.InstanceTenants;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The attacks of a demo applicant's (and an agent's) login on the engine's REST API, replayed on a
 * running server: each is refused in French and leaves the case as it was — its variables, its
 * history, its task, its instances. The engine's own locks are proved apart, through its Java API
 * as the same user, where a setting closes the hole whatever the REST guard does (ADR 0008).
 */
@ServerTest
class EngineBoundaryTests {

  static final String RENEWAL = RenewalProcess.KEY;
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Autowired TestRestTemplate anonymous;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired FilingService filing;
  @Autowired Cases cases;
  @Autowired InstanceTenants tenants;
  @Autowired DocumentService documents;

  @TempDir Path attackerDirectory;

  // ---- 1. Objects built from applicant input

  @Test
  @DisplayName(
      "1. Aucun objet n'est construit à partir d'une saisie : variable Object refusée, DataSource jamais instanciée")
  void noObjectIsBuiltFromInput() {
    Draft draft = newDraft();
    Snapshot before = snapshot(draft);
    Path database = attackerDirectory.resolve("attaque");
    Map<String, Object> dataSource =
        Map.of(
            "type",
            "Object",
            "value",
            "{\"url\":\"jdbc:h2:" + database + "\"}",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "org.springframework.jdbc.datasource.DriverManagerDataSource",
                "serializationDataFormat",
                "application/json"));

    assertRefused(
        send(
            draft.applicant(),
            HttpMethod.PUT,
            "/engine-rest/task/{id}/variables/x",
            dataSource,
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "n'est pas ouverte à votre compte");
    assertRefused(
        submit(draft, Map.of("x", dataSource)),
        HttpStatus.BAD_REQUEST,
        "« x » ne fait pas partie du formulaire");
    assertRefused(
        submit(draft, Map.of("email", dataSource, "action", Map.of("value", "NEXT"))),
        HttpStatus.BAD_REQUEST,
        "« Email » n'est pas valide");

    assertThat(snapshot(draft)).isEqualTo(before);
    assertThat(Files.exists(database.resolveSibling("attaque.mv.db"))).isFalse();

    // The engine's own lock (deserialization type validation), whatever the guard: even a value
    // stored by an administrator is never turned into a DriverManagerDataSource.
    ObjectValue serialized =
        Variables.serializedObjectValue("{\"url\":\"jdbc:h2:" + database + "\"}")
            .objectTypeName("org.springframework.jdbc.datasource.DriverManagerDataSource")
            .serializationDataFormat("application/json")
            .create();
    runtime.setVariable(draft.processInstanceId(), "x", serialized);
    assertThatThrownBy(() -> runtime.getVariable(draft.processInstanceId(), "x"))
        .hasMessageContaining("Cannot deserialize");
    assertThat(Files.exists(database.resolveSibling("attaque.mv.db"))).isFalse();
    runtime.removeVariable(draft.processInstanceId(), "x");
  }

  // ---- 2. Extra variables become the system's facts

  @Test
  @DisplayName(
      "2. Les faits du système ne viennent pas du demandeur : avis de l'OFII au démarrage, date de certificat, récapitulatif")
  void theSystemsFactsCannotBeSent() {
    String applicant = TestApplicants.create(register, identity, 90);
    Map<String, Object> opinion =
        new HashMap<>(
            Map.of(
                "renewalRequested",
                value(true),
                "careNeeded",
                value(true),
                "exceptionallySeriousConsequences",
                value(true),
                "effectiveAccessToCareInOriginCountry",
                value(false),
                "expectedCareDurationMonths",
                value(48),
                "fitToTravel",
                value(false),
                "opinionDate",
                value("2026-11-30")));
    ResponseEntity<JsonNode> start =
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + RENEWAL + "/start",
            Map.of("variables", opinion));
    assertRefused(start, HttpStatus.BAD_REQUEST, "« careNeeded » ne fait pas partie du formulaire");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + RENEWAL + "/submit-form",
            Map.of("variables", opinion)),
        HttpStatus.BAD_REQUEST,
        "« opinionDate » ne fait pas partie du formulaire");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .variableValueEquals("applicantId", applicant)
                .count())
        .isZero();
    assertThat(cases.casesOf(applicant)).isEmpty();

    Draft draft = start(applicant);
    Snapshot before = snapshot(draft);
    assertRefused(
        submit(draft, firstStepAnswers(Map.of("certificateReceivedDate", value("2026-11-01")))),
        HttpStatus.BAD_REQUEST,
        "« certificateReceivedDate » ne fait pas partie du formulaire");
    assertRefused(
        submit(draft, Map.of("caseStatus", value("decision_favorable"))),
        HttpStatus.BAD_REQUEST,
        "« caseStatus »");
    assertThat(snapshot(draft)).isEqualTo(before);

    // Up to step 4, then its recap (a disabled field) sent back with other words.
    fillFirstStep(draft);
    assertThat(
            submit(
                    draft = draft.next(),
                    Map.of(
                        "maritalStatus",
                        value("SINGLE"),
                        "dependentChildren",
                        value("NO"),
                        "attestationNoPolygamy",
                        value(true),
                        "attestationPenalties",
                        value(true),
                        "action",
                        value("NEXT")))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    RenewalCase renewal = cases.caseOf(draft.processInstanceId());
    documents
        .requirements(renewal.getId())
        .forEach(
            r ->
                filing.attach(
                    applicant,
                    r.code(),
                    List.of(TestFiles.file(r.code().toLowerCase() + ".pdf", TestFiles.pdf()))));
    assertThat(
            submit(
                    draft = draft.next(),
                    Map.of(
                        "ephotoNumber",
                        value("1234567890123456789012"),
                        "ephotoNumberConfirmation",
                        value("1234567890123456789012"),
                        "action",
                        value("NEXT")))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    draft = draft.next();
    Snapshot atDeposit = snapshot(draft);
    assertRefused(
        submit(
            draft,
            Map.of(
                "depositSummary",
                value("NOTE DU SERVICE : pièces déjà contrôlées, tout valider"),
                "observations",
                value(""),
                "action",
                value("NEXT"))),
        HttpStatus.BAD_REQUEST,
        "est en lecture seule");
    assertThat(snapshot(draft)).isEqualTo(atDeposit);
    assertThat(runtime.getVariable(draft.processInstanceId(), "depositSummary").toString())
        .doesNotContain("NOTE DU SERVICE");
  }

  // ---- 3. The assignee owns too much

  @Test
  @DisplayName(
      "3. Le titulaire d'une tâche la traite, rien de plus : ni nom, ni groupe, ni titulaire, ni variable, ni numéro de demande")
  void theAssigneeOnlyWorksOnTheTask() {
    Draft draft = newDraft();
    Snapshot before = snapshot(draft);
    String applicant = draft.applicant();

    assertRefused(
        send(
            applicant,
            HttpMethod.PUT,
            "/engine-rest/task/{id}",
            Map.of("name", "Dossier prioritaire - validé par la préfecture"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/task/{id}/identity-links",
            Map.of("groupId", "prefecture-agents", "type", "candidate"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/task/{id}/assignee",
            Map.of("userId", "5903007243"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/task/{id}/claim",
            Map.of("userId", "5903007243"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "pour soi-même");
    assertRefused(
        send(
            applicant,
            HttpMethod.PUT,
            "/engine-rest/process-instance/{id}/variables/caseStatus",
            value("decision_favorable"),
            draft.processInstanceId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.PUT,
            "/engine-rest/task/{id}/variables/caseStatus",
            value("decision_favorable"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/task/{id}/localVariables",
            Map.of("modifications", Map.of("caseStatus", value("decision_favorable"))),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/task/{id}/comment/create",
            Map.of("message", "Dossier validé par la préfecture"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/message",
            Map.of(
                "messageName",
                RenewalProcess.MESSAGE_OFII_OPINION,
                "processInstanceId",
                draft.processInstanceId()),
            (Object) null),
        HttpStatus.FORBIDDEN,
        "compte");
    // The same through odd spellings of the path, which the REST API would still route.
    assertRefused(
        send(
            applicant,
            HttpMethod.PUT,
            "/engine-rest//task/{id}/variables/caseStatus/",
            value("decision_favorable"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            applicant,
            HttpMethod.PUT,
            "/engine-rest/engine/default/task/{id}/variables/caseStatus",
            value("decision_favorable"),
            draft.taskId()),
        HttpStatus.FORBIDDEN,
        "compte");
    // A start request cannot choose the N° de la demande.
    String other = TestApplicants.create(register, identity, 90);
    assertRefused(
        send(
            other,
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + RENEWAL + "/start",
            Map.of(
                "businessKey",
                "59-2026-000001",
                "variables",
                Map.of("renewalRequested", value(true)))),
        HttpStatus.BAD_REQUEST,
        "ne peut pas être choisi");
    assertThat(cases.casesOf(other)).isEmpty();

    assertThat(snapshot(draft)).isEqualTo(before);
    // The task stays out of the agents' queue.
    assertThat(
            tasks
                .createTaskQuery()
                .taskCandidateGroup("prefecture-agents")
                .taskId(draft.taskId())
                .count())
        .isZero();

    // The engine's own lock (TASK_WORK instead of UPDATE), whatever the guard does.
    asUser(
        applicant,
        List.of("applicants"),
        () -> {
          assertThatThrownBy(
                  () -> tasks.setVariable(draft.taskId(), "caseStatus", "decision_favorable"))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> tasks.addCandidateGroup(draft.taskId(), "prefecture-agents"))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> tasks.setAssignee(draft.taskId(), "5903007243"))
              .isInstanceOf(AuthorizationException.class);
          Task task = tasks.createTaskQuery().taskId(draft.taskId()).singleResult();
          task.setName("Dossier prioritaire - validé par la préfecture");
          assertThatThrownBy(() -> tasks.saveTask(task)).isInstanceOf(AuthorizationException.class);
        });
    assertThat(snapshot(draft)).isEqualTo(before);
  }

  // ---- 9. Agents edit and delete a case's variables in Cockpit

  @Test
  @DisplayName(
      "9. Un agent ne modifie ni ne supprime les variables d'une demande, ni par Cockpit ni par sa tâche")
  void agentsCannotEditVariables() {
    Draft draft = newDraft();
    Snapshot before = snapshot(draft);
    for (String path :
        List.of(
            "/engine-rest/process-instance/{id}/variables/caseStatus",
            "/camunda/api/engine/engine/default/process-instance/{id}/variables/caseStatus")) {
      assertThat(
              send(
                      "agent.lille",
                      "Demo-2026!",
                      HttpMethod.PUT,
                      path,
                      value("refus"),
                      draft.processInstanceId())
                  .getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
    }
    assertRefused(
        send(
            "agent.lille",
            "Demo-2026!",
            HttpMethod.DELETE,
            "/engine-rest/process-instance/{id}/variables/applicantId",
            null,
            draft.processInstanceId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        send(
            "agent.lille",
            "Demo-2026!",
            HttpMethod.POST,
            "/engine-rest/process-instance/{id}/variables",
            Map.of("deletions", List.of("caseId")),
            draft.processInstanceId()),
        HttpStatus.FORBIDDEN,
        "compte");
    assertThat(snapshot(draft)).isEqualTo(before);

    asUser(
        "agent.lille",
        List.of("prefecture-agents", "prefecture-59"),
        () -> {
          // A draft opened online is in no préfecture's tenant (ADR 0043): refused before any
          // grant is read.
          assertThatThrownBy(
                  () -> runtime.setVariable(draft.processInstanceId(), "caseStatus", "refus"))
              .hasMessageContaining("belongs to no authenticated tenant");
          assertThatThrownBy(() -> runtime.removeVariable(draft.processInstanceId(), "applicantId"))
              .hasMessageContaining("belongs to no authenticated tenant");
        });
    assertThat(snapshot(draft)).isEqualTo(before);
    // In the Nord's tenant, as after its dépôt, the agent reads the case; writing is still refused.
    Draft filed = newDraft();
    tenants.move(filed.processInstanceId(), "prefecture-59");
    Snapshot filedBefore = snapshot(filed);
    asUser(
        "agent.lille",
        List.of("prefecture-agents", "prefecture-59"),
        () -> {
          assertThat(runtime.getVariable(filed.processInstanceId(), "caseId")).isNotNull();
          assertThatThrownBy(
                  () -> runtime.setVariable(filed.processInstanceId(), "caseStatus", "refus"))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> runtime.removeVariable(filed.processInstanceId(), "applicantId"))
              .isInstanceOf(AuthorizationException.class);
        });
    assertThat(snapshot(filed)).isEqualTo(filedBefore);
  }

  // ---- Found in review: Camunda Admin's first-administrator setup, bytes that are no JSON

  @Test
  @DisplayName(
      "Personne ne se crée administrateur depuis le navigateur ; un envoi illisible est refusé en français")
  void noAdministratorFromTheBrowserAndNoUnreadableBody() {
    WebSession visitor = new WebSession(anonymous);
    visitor.get("/camunda/app/admin/default/setup/");
    ResponseEntity<JsonNode> setup =
        webapp(
            visitor,
            HttpMethod.POST,
            "/camunda/api/admin/setup/default/user/create",
            Map.of(
                "profile",
                Map.of("id", "pirate", "firstName", "P", "lastName", "P", "email", "p@exemple.fr"),
                "credentials",
                Map.of("password", "Pirate-2026!")));
    assertRefused(setup, HttpStatus.FORBIDDEN, "jamais depuis le navigateur");
    assertThat(identity.createUserQuery().userId("pirate").count()).isZero();

    Draft draft = newDraft();
    Snapshot before = snapshot(draft);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> garbage =
        anonymous
            .withBasicAuth(draft.applicant(), TestApplicants.PASSWORD)
            .exchange(
                "/engine-rest/task/{id}/complete",
                HttpMethod.POST,
                new HttpEntity<>(
                    new byte[] {0, 0, 0, '{', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                    headers),
                JsonNode.class,
                draft.taskId());
    assertRefused(garbage, HttpStatus.BAD_REQUEST, "La requête est mal formée");
    assertThat(snapshot(draft)).isEqualTo(before);
  }

  // ---- A task gone

  @Test
  @DisplayName("Une étape déjà traitée répond 404 en français, sur toutes ses adresses")
  void aCompletedTaskIsNotFound() {
    Draft draft = newDraft();
    fillFirstStep(draft);
    for (String path :
        List.of(
            "/engine-rest/task/{id}/form-variables",
            "/engine-rest/task/{id}/deployed-form",
            "/engine-rest/task/{id}/variables",
            "/engine-rest/task/{id}/identity-links")) {
      assertRefused(
          send(draft.applicant(), HttpMethod.GET, path, null, draft.taskId()),
          HttpStatus.NOT_FOUND,
          "Cette étape n'existe pas ou plus");
    }
    assertRefused(
        submit(draft, Map.of("action", value("NEXT"))),
        HttpStatus.NOT_FOUND,
        "Cette étape n'existe pas ou plus");
    assertRefused(
        send(
            draft.applicant(),
            HttpMethod.POST,
            "/engine-rest/task/{id}/complete",
            Map.of(),
            draft.taskId()),
        HttpStatus.NOT_FOUND,
        "Cette étape n'existe pas ou plus");
  }

  // ---- Tasklist's own door: the webapp API with a session

  @Test
  @DisplayName("Par la porte de Tasklist (session, jeton CSRF), les mêmes refus")
  void theWebappApiGuardsTheSame() {
    Draft draft = newDraft();
    Snapshot before = snapshot(draft);
    WebSession session = new WebSession(anonymous);
    assertThat(session.tasklistLogin(draft.applicant(), TestApplicants.PASSWORD)).isEqualTo(200);
    String task = "/camunda/api/engine/engine/default/task/" + draft.taskId();
    assertRefused(
        webapp(
            session,
            HttpMethod.POST,
            task + "/submit-form",
            Map.of("variables", Map.of("careNeeded", value(true)))),
        HttpStatus.BAD_REQUEST,
        "« careNeeded »");
    assertRefused(
        webapp(
            session, HttpMethod.PUT, task + "/variables/caseStatus", value("decision_favorable")),
        HttpStatus.FORBIDDEN,
        "compte");
    assertRefused(
        webapp(
            session,
            HttpMethod.PUT,
            "/camunda/api/engine/engine/default/user/" + draft.applicant() + "/profile",
            Map.of("id", draft.applicant(), "email", "pirate@exemple.fr")),
        HttpStatus.FORBIDDEN,
        "compte");
    assertThat(snapshot(draft)).isEqualTo(before);
    ResponseEntity<JsonNode> saved =
        webapp(
            session,
            HttpMethod.POST,
            task + "/submit-form",
            Map.of("variables", firstStepAnswers(Map.of())));
    assertThat(saved.getStatusCode())
        .as(String.valueOf(saved.getBody()))
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  // ---- Fixtures

  record Draft(String applicant, String processInstanceId, String taskId, TaskService tasks) {
    Draft next() {
      return new Draft(
          applicant,
          processInstanceId,
          tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
          tasks);
    }
  }

  /**
   * What an attack must not change: the instance's variables, its task, its history, the case's
   * history.
   */
  record Snapshot(
      Map<String, Object> variables,
      String taskName,
      String assignee,
      List<String> identityLinks,
      long historicVariableUpdates,
      int caseEvents,
      long instancesOfApplicant) {}

  Snapshot snapshot(Draft draft) {
    Task task = tasks.createTaskQuery().taskId(draft.taskId()).singleResult();
    RenewalCase renewal = cases.caseOf(draft.processInstanceId());
    return new Snapshot(
        new TreeMap<>(runtime.getVariables(draft.processInstanceId())),
        task.getName(),
        task.getAssignee(),
        tasks.getIdentityLinksForTask(draft.taskId()).stream()
            .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId())
            .sorted()
            .toList(),
        history
            .createHistoricDetailQuery()
            .processInstanceId(draft.processInstanceId())
            .variableUpdates()
            .count(),
        cases.history(renewal.getId()).size(),
        runtime
            .createProcessInstanceQuery()
            .variableValueEquals("applicantId", draft.applicant())
            .count());
  }

  /** Step 1 filled as the form asks (accepted: 204), the draft moves to step 2. */
  void fillFirstStep(Draft draft) {
    assertThat(submit(draft, firstStepAnswers(Map.of())).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  Draft newDraft() {
    return start(TestApplicants.create(register, identity, 90));
  }

  Draft start(String applicant) {
    ResponseEntity<JsonNode> started =
        send(
            applicant,
            HttpMethod.POST,
            "/engine-rest/process-definition/key/" + RENEWAL + "/submit-form",
            Map.of("variables", Map.of("renewalRequested", value(true))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    return new Draft(
        applicant,
        instance,
        tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        tasks);
  }

  ResponseEntity<JsonNode> submit(Draft draft, Map<String, Object> variables) {
    return send(
        draft.applicant(),
        HttpMethod.POST,
        "/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables),
        draft.taskId());
  }

  ResponseEntity<JsonNode> send(
      String user, HttpMethod method, String path, Object body, Object... uriVariables) {
    return send(user, TestApplicants.PASSWORD, method, path, body, uriVariables);
  }

  ResponseEntity<JsonNode> send(
      String user,
      String password,
      HttpMethod method,
      String path,
      Object body,
      Object... uriVariables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous
        .withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class, uriVariables);
  }

  /** Step 1's answers as its form asks them, plus {@code more} (a field the form does not ask). */
  static Map<String, Object> firstStepAnswers(Map<String, Object> more) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("email", value("jeanne@exemple.fr"));
    answers.put("phone", value("0612345678"));
    answers.put("housingType", value("OWN"));
    answers.put("action", value("NEXT"));
    answers.putAll(more);
    return answers;
  }

  static Map<String, Object> value(Object value) {
    Map<String, Object> variable = new HashMap<>();
    variable.put("value", value);
    return variable;
  }

  static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String french) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getBody().path("message").asText()).contains(french);
  }

  void asUser(String userId, List<String> groups, Runnable action) {
    identity.setAuthentication(userId, groups, PrefectureTenants.ofGroups(identity, groups));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A request of the webapps' own API in a Tasklist session, its answer read as JSON. */
  static ResponseEntity<JsonNode> webapp(
      WebSession session, HttpMethod method, String url, Object body) {
    try {
      ResponseEntity<String> response =
          session.webappApi(method, url, JSON.writeValueAsString(body));
      return ResponseEntity.status(response.getStatusCode())
          .body(response.getBody() == null ? null : JSON.readTree(response.getBody()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
