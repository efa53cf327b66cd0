package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.filing.CounterFiling;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application that takes an id, requested by another applicant with the ids
 * of a filed case: 403 or 404 and nothing of the case. The endpoints are enumerated from Spring
 * MVC's mappings, so a new endpoint is tested as soon as it exists — and an id kind this test does
 * not know fails it.
 */
// The engine named « default », as the REST API and the webapps address it (tests otherwise name
// engines uniquely).
@Tag(EngineTest.DATABASE)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=false")
@AutoConfigureMockMvc
class IsolationTests {

  static final String DEMO_PASSWORD = "Demo-2026!";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired CounterFiling counter;

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (user + ":" + TestApplicants.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "Un autre usager n'obtient rien d'une demande, d'un document, d'une notification ou d'un PDF qui n'est pas à lui, et n'y change rien")
  void anotherApplicantGetsNothing() throws Exception {
    Filed owner = filings.depositedCase(90);
    String intruder = TestApplicants.create(register, identity, 90);
    RenewalCase renewal = cases.caseOf(owner.processInstanceId());
    String file = documents.filesOf(renewal.getId()).get(0).getId().toString();
    String issued = documents.issuedDocumentsOf(renewal.getId()).get(0).getId().toString();
    String notification =
        notifications
            .list(owner.applicantId(), NotificationFilter.ALL, 0, 10)
            .getContent()
            .get(0)
            .getId()
            .toString();
    Map<String, List<String>> ids =
        Map.of(
            "caseId", List.of(renewal.getId().toString()),
            "id", List.of(notification, issued, file, renewal.getId().toString()),
            "fileId", List.of(file),
            "requestNumber", List.of(renewal.getRequestNumber()),
            "documentCode", List.of("NATIONALITY"));

    List<String> checked = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
      String type = mapping.getValue().toString();
      if (!type.startsWith("fr.anef.renewal")) {
        continue;
      }
      for (String pattern : mapping.getKey().getPatternValues()) {
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        List<String> names = new ArrayList<>();
        while (variables.find()) {
          names.add(variables.group(1));
        }
        if (names.isEmpty()) {
          continue;
        }
        assertThat(ids)
            .as("an id kind the isolation test must learn: " + pattern)
            .containsKeys(names.toArray(String[]::new));
        for (String url : urls(pattern, names, ids)) {
          for (RequestMethod method : methods(mapping.getKey())) {
            MvcResult result =
                mvc.perform(request(method, url).header(HttpHeaders.AUTHORIZATION, basic(intruder)))
                    .andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (method == RequestMethod.GET) {
              assertThat(status).as(method + " " + url).isIn(400, 403, 404);
            } else {
              // HTML forms answer a refusal by a redirect to the person's own page, with the
              // message.
              assertThat(status).as(method + " " + url).isIn(302, 400, 403, 404);
              if (status == 302) {
                assertThat(result.getResponse().getRedirectedUrl())
                    .as(method + " " + url)
                    .startsWith("/mon-espace");
              }
            }
            assertThat(body)
                .as(method + " " + url)
                .doesNotContain(renewal.getRequestNumber(), "TESTEUR", ".pdf");
            checked.add(method + " " + pattern);
          }
        }
      }
    }
    assertThat(checked).as("the endpoints with ids were found").hasSizeGreaterThan(10);
    assertThat(documents.filesOf(renewal.getId())).as("nothing deleted").isNotEmpty();
    assertThat(
            notifications.list(owner.applicantId(), NotificationFilter.UNREAD, 0, 10).getContent())
        .as("nothing read on the owner's behalf")
        .isNotEmpty();
  }

  @Test
  @DisplayName(
      "Deux préfectures : l'agent de Paris n'obtient rien d'une demande de Lille (moteur, Cockpit, pages), chacun voit les siennes")
  void anotherPrefectureGetsNothing() throws Exception {
    Filed lille = filings.depositedCase(90);
    Filed paris = filings.depositedCase(90, "75011", "Paris");
    RenewalCase lilleCase = cases.caseOf(lille.processInstanceId());
    RenewalCase parisCase = cases.caseOf(paris.processInstanceId());
    assertThat(lilleCase.getDepartment()).isEqualTo("59");
    assertThat(lilleCase.getRequestNumber()).startsWith("5901");
    assertThat(parisCase.getDepartment()).isEqualTo("75");
    assertThat(parisCase.getRequestNumber()).startsWith("7501");
    String lilleTask =
        tasks.createTaskQuery().processInstanceId(lille.processInstanceId()).singleResult().getId();
    String parisTask =
        tasks.createTaskQuery().processInstanceId(paris.processInstanceId()).singleResult().getId();
    assertThat(tasks.getIdentityLinksForTask(lilleTask))
        .extracting(l -> l.getGroupId())
        .containsExactly("prefecture-59");
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .resourceId(lilleTask)
                .groupIdIn("prefecture-agents")
                .count())
        .as("no grant of the national role group on the task")
        .isZero();

    // The engine's REST API, as agent.paris: nothing of the Lille case, by id or by query.
    String agent = "agent.paris";
    for (String url :
        List.of(
            "/engine-rest/task/{id}",
            "/engine-rest/task/{id}/form-variables",
            "/engine-rest/task/{id}/variables",
            "/engine-rest/task/{id}/form",
            "/engine-rest/task/{id}/identity-links")) {
      ResponseEntity<String> answer = rest(agent, HttpMethod.GET, url, null, lilleTask);
      assertThat(answer.getStatusCode().value()).as(url).isIn(403, 404);
      assertThat(answer.getBody()).as(url).doesNotContain(lilleCase.getRequestNumber(), "TESTEUR");
    }
    for (String url :
        List.of(
            "/engine-rest/task/{id}/complete",
            "/engine-rest/task/{id}/submit-form",
            "/engine-rest/task/{id}/claim")) {
      ResponseEntity<String> answer =
          rest(
              agent,
              HttpMethod.POST,
              url,
              url.endsWith("claim") ? Map.of("userId", agent) : Map.of("variables", Map.of()),
              lilleTask);
      assertThat(answer.getStatusCode().value()).as(url).isIn(400, 403, 404);
    }
    assertThat(tasks.createTaskQuery().taskId(lilleTask).singleResult().getAssignee())
        .as("not claimed")
        .isNull();
    ResponseEntity<String> instance =
        rest(
            agent,
            HttpMethod.GET,
            "/engine-rest/process-instance/{id}",
            null,
            lille.processInstanceId());
    assertThat(instance.getStatusCode().value()).isIn(403, 404);
    assertThat(instance.getBody()).doesNotContain(lilleCase.getRequestNumber());
    // The engine's tenant check refuses it (ADR 0043): a case the agent cannot see, in French.
    ResponseEntity<String> instanceVariables =
        rest(
            agent,
            HttpMethod.GET,
            "/engine-rest/process-instance/{id}/variables",
            null,
            lille.processInstanceId());
    assertThat(instanceVariables.getStatusCode().value()).isEqualTo(404);
    assertThat(instanceVariables.getBody())
        .contains("ne vous est pas ouvert")
        .doesNotContain("ENGINE-");
    // Nothing tells another préfecture's case from an id that exists nowhere: the same answer.
    String unknown = java.util.UUID.randomUUID().toString();
    for (String path :
        List.of(
            "/engine-rest/process-instance/{id}",
            "/engine-rest/process-instance/{id}/variables",
            "/engine-rest/process-instance/{id}/activity-instances",
            "/engine-rest/history/process-instance/{id}")) {
      ResponseEntity<String> elsewhere =
          rest(agent, HttpMethod.GET, path, null, lille.processInstanceId());
      ResponseEntity<String> nowhere = rest(agent, HttpMethod.GET, path, null, unknown);
      assertThat(elsewhere.getStatusCode().value()).as(path).isEqualTo(404);
      assertThat(nowhere.getStatusCode().value()).as(path).isEqualTo(404);
      assertThat(elsewhere.getBody())
          .as(path)
          .isEqualTo(nowhere.getBody())
          .contains("Cet élément n'existe pas ou ne vous est pas ouvert.")
          .doesNotContain(lille.processInstanceId())
          .doesNotContain(unknown);
    }
    for (String query :
        List.of(
            "/engine-rest/task?processInstanceId={id}",
            "/engine-rest/process-instance?processInstanceIds={id}",
            "/engine-rest/history/process-instance?processInstanceId={id}",
            "/engine-rest/history/activity-instance?processInstanceId={id}",
            "/engine-rest/history/task?processInstanceId={id}",
            "/engine-rest/history/variable-instance?processInstanceId={id}",
            "/engine-rest/history/detail?processInstanceId={id}",
            "/engine-rest/variable-instance?processInstanceIdIn={id}")) {
      assertThat(list(agent, query, lille.processInstanceId()))
          .as(query + " as agent.paris")
          .isEmpty();
      assertThat(list(agent, query, paris.processInstanceId()))
          .as(query + " as agent.paris, own case")
          .isNotEmpty();
      assertThat(list("agent.lille", query, lille.processInstanceId()))
          .as(query + " as agent.lille")
          .isNotEmpty();
      assertThat(list("agent.lille", query, paris.processInstanceId()))
          .as(query + " as agent.lille, Paris")
          .isEmpty();
    }
    assertThat(list(agent, "/engine-rest/task?candidateGroup={g}", "prefecture-59")).isEmpty();
    // The engine's history statistics count every tenant (no tenant check there): national
    // figures, for administrators only.
    String definition =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(lille.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();
    ResponseEntity<String> statistics =
        rest(
            agent,
            HttpMethod.GET,
            "/engine-rest/history/process-definition/{id}/statistics",
            null,
            definition);
    assertThat(statistics.getStatusCode().value()).isEqualTo(403);
    assertThat(statistics.getBody()).contains("réservées aux administrateurs");
    // Tasklist's filter « Demandes à examiner », as each agent runs it.
    String toReview =
        filters.createFilterQuery().filterName("Demandes à examiner").singleResult().getId();
    assertThat(list(agent, "/engine-rest/filter/{id}/list?maxResults=100000", toReview))
        .extracting(t -> t.get("id").asText())
        .contains(parisTask)
        .doesNotContain(lilleTask);
    assertThat(list("agent.lille", "/engine-rest/filter/{id}/list?maxResults=100000", toReview))
        .extracting(t -> t.get("id").asText())
        .contains(lilleTask)
        .doesNotContain(parisTask);
    // The counter route: the Paris counter cannot open a renewal for a person living in Lille.
    String lilleResident = TestApplicants.create(register, identity, 90);
    assertThatThrownBy(
            () -> counter.open(agent, List.of("prefecture-agents", "prefecture-75"), lilleResident))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("relève de la préfecture du Nord");
    assertThat(cases.casesOf(lilleResident)).isEmpty();
    assertThat(
            list(
                agent,
                "/engine-rest/task?processInstanceBusinessKey={n}",
                lilleCase.getRequestNumber()))
        .isEmpty();
    assertThat(
            list(
                agent,
                "/engine-rest/history/process-instance?processInstanceBusinessKey={n}",
                lilleCase.getRequestNumber()))
        .isEmpty();

    // Cockpit's own API (the webapp's plugin queries: instance count and list): only the agent's
    // préfecture's instances.
    for (String who : List.of("agent.paris", "agent.lille")) {
      String department = who.equals("agent.paris") ? "75" : "59";
      CockpitSession cockpit = new CockpitSession(http);
      assertThat(cockpit.login(who, DEMO_PASSWORD)).isEqualTo(200);
      String body = "{\"processDefinitionKey\":\"residence-permit-renewal\"}";
      JsonNode listed =
          JSON.readTree(
              cockpit.post(
                  "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=100000",
                  body));
      JsonNode count =
          JSON.readTree(
              cockpit.post(
                  "/camunda/api/cockpit/plugin/base/default/process-instance/count", body));
      List<String> ids = new ArrayList<>();
      listed.forEach(n -> ids.add(n.get("id").asText()));
      assertThat(count.get("count").asLong()).as(who + " count").isEqualTo(ids.size());
      assertThat(ids)
          .as(who)
          .contains((department.equals("75") ? paris : lille).processInstanceId())
          .doesNotContain((department.equals("75") ? lille : paris).processInstanceId());
      assertThat(ids)
          .as(who + ": every instance listed is a case of their préfecture")
          .allSatisfy(id -> assertThat(cases.caseOf(id).getDepartment()).isEqualTo(department));
      ResponseEntity<String> variables =
          cockpit.get(
              "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn="
                  + (department.equals("75") ? lille : paris).processInstanceId());
      assertThat(variables.getBody())
          .as(who + ": the other's variables through the webapp")
          .isEqualTo("[]");
    }

    // The application's pages and downloads, as agent.paris.
    String lilleFile = documents.filesOf(lilleCase.getId()).get(0).getId().toString();
    String lilleIssued = documents.issuedDocumentsOf(lilleCase.getId()).get(0).getId().toString();
    for (String url :
        List.of(
            "/agent/demandes/" + lilleCase.getRequestNumber(),
            "/agent/fichiers/" + lilleFile,
            "/agent/documents/" + lilleIssued)) {
      MvcResult result =
          mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, basic(agent, DEMO_PASSWORD)))
              .andReturn();
      assertThat(result.getResponse().getStatus()).as(url).isEqualTo(404);
      assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
          .as(url)
          .doesNotContain(lilleCase.getRequestNumber(), "TESTEUR");
    }
    MvcResult search =
        mvc.perform(
                get("/agent/demandes")
                    .param("numero", lilleCase.getRequestNumber())
                    .header(HttpHeaders.AUTHORIZATION, basic(agent, DEMO_PASSWORD)))
            .andReturn();
    assertThat(search.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("Aucune demande ne porte le N°");
    MvcResult reply =
        mvc.perform(
                multipart("/agent/demandes/" + lilleCase.getRequestNumber() + "/complement")
                    .header(HttpHeaders.AUTHORIZATION, basic(agent, DEMO_PASSWORD)))
            .andReturn();
    assertThat(reply.getResponse().getStatus()).isEqualTo(404);
    MvcResult own =
        mvc.perform(
                get("/agent/demandes/" + parisCase.getRequestNumber())
                    .header(HttpHeaders.AUTHORIZATION, basic(agent, DEMO_PASSWORD)))
            .andReturn();
    assertThat(own.getResponse().getStatus()).isEqualTo(200);
    assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("Préfecture de police");
    assertThat(
            mvc.perform(
                    get("/agent/fichiers/" + lilleFile)
                        .header(HttpHeaders.AUTHORIZATION, basic("agent.lille", DEMO_PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("Lille's own file")
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Un brouillon en ligne n'est vu d'aucune préfecture ; au dépôt, il rejoint celle de l'adresse et elle seule")
  void aDraftIsTheApplicantsUntilTheDepot() throws Exception {
    String applicant = TestApplicants.create(register, identity, 90);
    identity.setAuthentication(
        applicant,
        List.of("applicants"),
        PrefectureTenants.ofGroups(identity, List.of("applicants")));
    String draft;
    try {
      draft =
          runtime
              .startProcessInstanceByKey(
                  "residence-permit-renewal", Map.of("renewalRequested", true))
              .getId();
    } finally {
      identity.clearAuthentication();
    }
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(draft)
                .singleResult()
                .getTenantId())
        .isEqualTo(PrefectureTenants.DRAFTS);
    for (String query :
        List.of(
            "/engine-rest/process-instance?processInstanceIds={id}",
            "/engine-rest/history/process-instance?processInstanceId={id}",
            "/engine-rest/variable-instance?processInstanceIdIn={id}")) {
      assertThat(list("agent.lille", query, draft)).as(query + " as agent.lille").isEmpty();
    }
    assertThat(list(applicant, "/engine-rest/task?processInstanceId={id}", draft))
        .as("the applicant's own step")
        .hasSize(1);

    Filed filed = filings.depositedCase(90);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(filed.processInstanceId())
                .list())
        .as("every row of the filed case in the Nord's tenant, its draft's steps included")
        .extracting(a -> a.getTenantId())
        .containsOnly("prefecture-59");
    assertThat(
            list(
                "agent.lille",
                "/engine-rest/history/variable-instance?processInstanceId={id}",
                filed.processInstanceId()))
        .isNotEmpty();
  }

  @Test
  @DisplayName(
      "Un déménagement de Lille à Paris avant la décision transfère la demande : historique, droits, tâche ; le N° ne change pas")
  void moveFromLilleToParisTransfersTheCase() throws Exception {
    Filed moving = filings.depositedCase(90);
    RenewalCase before = cases.caseOf(moving.processInstanceId());
    String task =
        tasks
            .createTaskQuery()
            .processInstanceId(moving.processInstanceId())
            .singleResult()
            .getId();
    assertThat(
            list(
                "agent.lille",
                "/engine-rest/task?processInstanceId={id}",
                moving.processInstanceId()))
        .hasSize(1);
    // The Nord's agent has taken the review (the engine grants its assignee the task, and keeps
    // that grant when the assignee changes).
    assertThat(
            rest(
                    "agent.lille",
                    HttpMethod.POST,
                    "/engine-rest/task/{id}/claim",
                    Map.of("userId", "agent.lille"),
                    task)
                .getStatusCode()
                .value())
        .isEqualTo(204);

    // The applicant declares the new address on their page « Déclarer un changement d'adresse ».
    MvcResult declared =
        mvc.perform(
                multipart("/mon-espace/adresse")
                    .param("adresse", "5 rue Oberkampf")
                    .param("codePostal", "75011")
                    .param("commune", "Paris")
                    .header(HttpHeaders.AUTHORIZATION, basic(moving.applicantId())))
            .andReturn();
    assertThat(declared.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("transmise à la préfecture de police");

    RenewalCase after = cases.caseOf(moving.processInstanceId());
    assertThat(after.getDepartment()).isEqualTo("75");
    assertThat(after.getRequestNumber())
        .as("the N° stays")
        .isEqualTo(before.getRequestNumber())
        .startsWith("5901");
    assertThat(register.person(moving.applicantId()).orElseThrow().getPostalCode())
        .isEqualTo("75011");
    assertThat(cases.history(after.getId()))
        .anySatisfy(
            e -> {
              assertThat(e.getKind()).isEqualTo(CaseEventKind.TRANSFERRED);
              assertThat(e.getDetail()).contains("préfecture du Nord", "préfecture de police");
            });
    assertThat(tasks.getIdentityLinksForTask(task))
        .extracting(l -> l.getGroupId())
        .containsExactly("prefecture-75");
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("prefecture-59")
                .resourceId(task)
                .count())
        .isZero();
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
        .as("the Nord's agent let go")
        .isNull();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .userIdIn("agent.lille")
                .resourceId(task)
                .count())
        .as("no grant left to the Nord's assignee")
        .isZero();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("prefecture-59")
                .resourceId(moving.processInstanceId())
                .count())
        .as("no grant left to the Nord")
        .isZero();

    for (String query :
        List.of(
            "/engine-rest/task?processInstanceId={id}",
            "/engine-rest/process-instance?processInstanceIds={id}",
            "/engine-rest/history/process-instance?processInstanceId={id}",
            "/engine-rest/history/activity-instance?processInstanceId={id}",
            "/engine-rest/history/variable-instance?processInstanceId={id}",
            "/engine-rest/history/detail?processInstanceId={id}",
            "/engine-rest/variable-instance?processInstanceIdIn={id}")) {
      assertThat(list("agent.lille", query, moving.processInstanceId()))
          .as(query + " as agent.lille")
          .isEmpty();
      assertThat(list("agent.paris", query, moving.processInstanceId()))
          .as(query + " as agent.paris")
          .isNotEmpty();
    }
    // The whole history came with it, the dépôt's included (ADR 0043: every row of the instance
    // moved to the préfecture de police's tenant).
    assertThat(
            list(
                "agent.paris",
                "/engine-rest/history/activity-instance?processInstanceId={id}&activityType=serviceTask",
                moving.processInstanceId()))
        .extracting(a -> a.get("tenantId").asText())
        .hasSizeGreaterThan(1)
        .containsOnly("prefecture-75");
    assertThat(list("agent.paris", "/engine-rest/task?candidateGroup={g}", "prefecture-75"))
        .as("in the receiving préfecture's queue")
        .anySatisfy(t -> assertThat(t.get("id").asText()).isEqualTo(task));
    assertThat(
            mvc.perform(
                    get("/agent/demandes/" + after.getRequestNumber())
                        .header(HttpHeaders.AUTHORIZATION, basic("agent.lille", DEMO_PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);

    // The receiving préfecture instructs it: its agent completes the review through the REST API.
    assertThat(
            rest(
                    "agent.paris",
                    HttpMethod.POST,
                    "/engine-rest/task/{id}/claim",
                    Map.of("userId", "agent.paris"),
                    task)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(
            rest(
                    "agent.lille",
                    HttpMethod.POST,
                    "/engine-rest/task/{id}/claim",
                    Map.of("userId", "agent.lille"),
                    task)
                .getStatusCode()
                .value())
        .isIn(403, 404);
  }

  ResponseEntity<String> rest(
      String user, HttpMethod method, String url, Object body, Object... variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(
            user, user.startsWith("agent.") ? DEMO_PASSWORD : TestApplicants.PASSWORD)
        .exchange(url, method, new HttpEntity<>(body, headers), String.class, variables);
  }

  List<JsonNode> list(String user, String url, Object... variables) throws Exception {
    ResponseEntity<String> answer = rest(user, HttpMethod.GET, url, null, variables);
    assertThat(answer.getStatusCode().value()).as(url).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(answer.getBody()).forEach(items::add);
    return items;
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A browser's session in Cockpit: Camunda's login, its cookies and XSRF header. */
  static final class CockpitSession {
    private final TestRestTemplate http;
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

    CockpitSession(TestRestTemplate http) {
      this.http = http;
    }

    int login(String user, String password) {
      exchange(HttpMethod.GET, "/camunda/app/cockpit/", null, null);
      org.springframework.util.LinkedMultiValueMap<String, String> form =
          new org.springframework.util.LinkedMultiValueMap<>();
      form.add("username", user);
      form.add("password", password);
      int status =
          exchange(
                  HttpMethod.POST,
                  "/camunda/api/admin/auth/user/default/login/cockpit",
                  form,
                  MediaType.APPLICATION_FORM_URLENCODED)
              .getStatusCode()
              .value();
      exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, null);
      return status;
    }

    String post(String url, String json) {
      ResponseEntity<String> answer =
          exchange(HttpMethod.POST, url, json, MediaType.APPLICATION_JSON);
      assertThat(answer.getStatusCode().value()).as(url + ": " + answer.getBody()).isEqualTo(200);
      return answer.getBody();
    }

    ResponseEntity<String> get(String url) {
      return exchange(HttpMethod.GET, url, null, null);
    }

    private ResponseEntity<String> exchange(
        HttpMethod method, String url, Object body, MediaType type) {
      HttpHeaders headers = new HttpHeaders();
      if (type != null) {
        headers.setContentType(type);
      }
      if (!cookies.isEmpty()) {
        headers.add(
            HttpHeaders.COOKIE,
            String.join(
                "; ",
                cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      ResponseEntity<String> response =
          http.exchange(
              java.net.URI.create(url), method, new HttpEntity<>(body, headers), String.class);
      for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
        String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return response;
    }
  }

  static List<RequestMethod> methods(RequestMappingInfo info) {
    return info.getMethodsCondition().getMethods().isEmpty()
        ? List.of(RequestMethod.GET)
        : List.copyOf(info.getMethodsCondition().getMethods());
  }

  static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(
      RequestMethod method, String url) {
    return switch (method) {
      case GET -> get(url);
      case DELETE -> delete(url);
      default -> multipart(url);
    };
  }

  static List<String> urls(String pattern, List<String> names, Map<String, List<String>> ids) {
    List<String> urls = new ArrayList<>(List.of(pattern));
    for (String name : names) {
      List<String> expanded = new ArrayList<>();
      for (String url : urls) {
        for (String value : ids.get(name)) {
          expanded.add(url.replace("{" + name + "}", value));
        }
      }
      urls = expanded;
    }
    return urls;
  }
}
