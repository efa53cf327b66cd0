package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import fr.anef.renewal.shared.ActorGroups;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The counter route (« solution de substitution »): an agent receives a person who has no account,
 * checks their titre, asks for their account, files their renewal with the scanned documents and,
 * later, answers a complement request with them. Every act is the agent's, for the person, in the
 * history and on the receipt.
 */
@EngineTest
class CounterRouteTests {

  static final String AGENT = "agent.lille";

  @Autowired MockMvc mvc;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired TestFilings filings;
  @Autowired JdbcTemplate jdbc;

  /**
   * The agent's browser session: its cookie (the session itself is in the database, Spring
   * Session).
   */
  jakarta.servlet.http.Cookie counter;

  record Person(String foreignerNumber, String titleNumber, LocalDate from, LocalDate until) {}

  Person personWithoutAccount() {
    String id = "78" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    LocalDate from = TestDates.today().minusYears(1);
    LocalDate until = TestDates.today().plusDays(90);
    register.saveIfAbsent(
        new RegisteredPerson(
                id,
                "GUICHET",
                "AMINATA",
                "F",
                LocalDate.of(1980, 6, 7),
                "Bamako",
                "Mali",
                "Malienne")
            .livingAt("3 rue du Guichet", "59000", "Lille", "FRANCE"),
        List.of(
            new ResidenceTitle(
                "5" + id.substring(1),
                id,
                "Etranger malade",
                "VIE PRIVÉE ET FAMILIALE",
                from,
                until)));
    return new Person(id, "5" + id.substring(1), from, until);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  MvcResult asAgent(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    if (counter != null) {
      request.cookie(counter);
    }
    MvcResult result =
        mvc.perform(request.header(HttpHeaders.AUTHORIZATION, basic(AGENT, "Demo-2026!")))
            .andReturn();
    if (result.getResponse().getCookie("JSESSIONID") != null) {
      counter = result.getResponse().getCookie("JSESSIONID");
    }
    return result;
  }

  String page(String url) throws Exception {
    MvcResult result = asAgent(get(url));
    assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
    return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .replaceAll("\\s+", " ");
  }

  MvcResult identify(Person p, LocalDate from) throws Exception {
    return asAgent(
        post("/agent/guichet/identification")
            .param("numero", p.titleNumber())
            .param("debutJour", "" + from.getDayOfMonth())
            .param("debutMois", "" + from.getMonthValue())
            .param("debutAnnee", "" + from.getYear())
            .param("finJour", "" + p.until().getDayOfMonth())
            .param("finMois", "" + p.until().getMonthValue())
            .param("finAnnee", "" + p.until().getYear()));
  }

  /**
   * The agent completes a step of the draft in Tasklist: the task is the agent's, and the engine
   * checks it.
   */
  void completeAsAgent(String instanceId, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getAssignee()).as(task.getName()).isEqualTo(AGENT);
    assertThat(task.getName())
        .as("whose draft it is, in the agent's task list")
        .endsWith(
            " — au guichet pour AMINATA GUICHET ("
                + cases.caseOf(instanceId).getApplicantId()
                + ")");
    identity.setAuthentication(
        AGENT,
        List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-59"),
        PrefectureTenants.ofGroups(
            identity, List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-59")));
    try {
      Map<String, Object> variables = new HashMap<>(tasks.getVariables(task.getId()));
      variables.putAll(form);
      variables.put("action", "NEXT");
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @DisplayName(
      "Un agent dépose au guichet pour une personne sans compte : l'historique et l'attestation de dépôt le montrent")
  void agentFilesAtTheCounterForAPersonWithoutAccount() throws Exception {
    Person p = personWithoutAccount();

    identify(p, p.from().plusDays(1));
    assertThat(page("/agent/guichet"))
        .as("wrong dates: the generic message, nobody identified")
        .doesNotContain("GUICHET")
        .contains("Vérifier le titre de séjour présenté");
    identify(p, p.from());
    assertThat(page("/agent/guichet"))
        .contains("Personne reçue : AMINATA GUICHET", p.foreignerNumber());

    asAgent(
        post("/agent/guichet/compte")
            .param("email", "aminata@exemple.fr")
            .param("emailConfirmation", "aminata@exemple.fr"));
    assertThat(
            jdbc.queryForObject(
                "select requested_by from account_token where foreigner_number = ?",
                String.class,
                p.foreignerNumber()))
        .isEqualTo(AGENT);
    assertThat(identity.createUserQuery().userId(p.foreignerNumber()).count())
        .as("the person creates the password from the mailed link; the agent never knows it")
        .isZero();

    asAgent(post("/agent/guichet/demande"));
    RenewalCase draft = cases.casesOf(p.foreignerNumber()).get(0);
    assertThat(draft.filedAtCounter()).isTrue();
    assertThat(draft.getCounterAgentId()).isEqualTo(AGENT);
    String instanceId = draft.getProcessInstanceId();
    assertThat(page("/agent/guichet"))
        .contains("/agent/guichet/demandes/" + draft.getId() + "/justificatifs");

    completeAsAgent(
        instanceId,
        Map.of("email", "aminata@exemple.fr", "phone", "0612345678", "housingType", "OWN"));
    completeAsAgent(
        instanceId,
        Map.of(
            "maritalStatus",
            "SINGLE",
            "dependentChildren",
            "NO",
            "attestationNoPolygamy",
            true,
            "attestationPenalties",
            true));
    // One sending for every document (« Envoyer » once): each document's scan, and one file that is
    // not a document.
    var requirements = documents.requirements(draft.getId());
    var sending = multipart("/agent/guichet/demandes/" + draft.getId() + "/justificatifs");
    for (var requirement : requirements) {
      sending.file(
          new MockMultipartFile(
              "fichiers-" + requirement.code(),
              requirement.code().toLowerCase() + "-scan.pdf",
              "application/pdf",
              TestFiles.pdf()));
    }
    String first = requirements.get(0).code();
    sending.file(
        new MockMultipartFile(
            "fichiers-" + first, "programme.pdf", "application/pdf", TestFiles.exe()));
    MvcResult upload = asAgent(sending);
    assertThat(upload.getResponse().getRedirectedUrl()).endsWith("/justificatifs#erreurs");
    assertThat(upload.getFlashMap().get("success"))
        .isEqualTo(requirements.size() + " fichiers enregistrés.");
    assertThat(upload.getFlashMap().get("refused"))
        .isEqualTo(
            Map.of(
                first,
                List.of(
                    "« programme.pdf » : ce format n'est pas accepté (formats acceptés : JPG, PNG, PDF, TIFF, BMP).")));
    assertThat(documents.filesOf(draft.getId()))
        .hasSize(requirements.size())
        .noneMatch(f -> f.getFile().getFileName().equals("programme.pdf"));
    // Step 3's « Documents à joindre » (open in the agent's Tasklist) counts them now.
    assertThat((String) runtime.getVariable(instanceId, "requiredDocumentsList"))
        .contains("[fichiers joints : 1]")
        .doesNotContain("[fichiers joints : 0]");
    MvcResult nothing =
        asAgent(multipart("/agent/guichet/demandes/" + draft.getId() + "/justificatifs"));
    assertThat(nothing.getFlashMap().get("errors"))
        .isEqualTo(
            List.of("Aucun fichier choisi : choisissez au moins un fichier, puis « Envoyer »."));
    assertThat(page("/agent/guichet/demandes/" + draft.getId() + "/justificatifs"))
        .contains(
            "nationality-scan.pdf",
            "Demande ouverte au guichet pour <strong>AMINATA GUICHET</strong>");
    completeAsAgent(
        instanceId,
        Map.of(
            "ephotoNumber",
            "1234567890123456789012",
            "ephotoNumberConfirmation",
            "1234567890123456789012"));
    completeAsAgent(instanceId, Map.of("observations", "Dossier déposé au guichet de Lille."));
    filings.runDueJobs(instanceId);

    RenewalCase filed = cases.caseOf(instanceId);
    assertThat(filed.getRequestNumber()).isNotNull();
    IssuedDocument receipt = documents.issuedDocumentsOf(filed.getId()).get(0);
    assertThat(page("/agent/demandes/" + filed.getRequestNumber()))
        .as("the agent prints it for the person")
        .contains("/agent/documents/" + receipt.getId());
    String receiptText;
    try (var pdf =
        Loader.loadPDF(
            asAgent(get("/agent/documents/" + receipt.getId()))
                .getResponse()
                .getContentAsByteArray())) {
      receiptText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
    assertThat(receiptText)
        .contains(
            "Demande déposée au guichet par",
            "(" + AGENT + ")",
            filed.getRequestNumber(),
            "GUICHET");

    List<Map<String, Object>> acts =
        jdbc.queryForList(
            "select actor, on_behalf_of, kind from case_event where case_id = ? and kind in "
                + "('DRAFT_OPENED', 'STEP_SAVED', 'FILES_ATTACHED', 'DEPOSITED') order by id",
            filed.getId());
    assertThat(acts)
        .hasSizeGreaterThanOrEqualTo(7)
        .allSatisfy(
            act -> {
              assertThat(act.get("ACTOR") != null ? act.get("ACTOR") : act.get("actor"))
                  .isEqualTo(AGENT);
              assertThat(
                      act.get("ON_BEHALF_OF") != null
                          ? act.get("ON_BEHALF_OF")
                          : act.get("on_behalf_of"))
                  .isEqualTo(p.foreignerNumber());
            });
    assertThat(page("/agent/demandes/" + filed.getRequestNumber()))
        .contains(
            "Demande déposée au guichet par " + AGENT,
            AGENT + " pour " + p.foreignerNumber() + " (guichet)",
            "Création du compte demandée au guichet");

    // Once the person has an account, « Historique de la demande » tells them who acted for them.
    identity.saveUser(withPassword(identity.newUser(p.foreignerNumber()), "Perso-2026!"));
    identity.createMembership(p.foreignerNumber(), ActorGroups.APPLICANTS);
    MvcResult history =
        mvc.perform(
                get("/mon-espace/demandes/" + filed.getId() + "/historique")
                    .header(HttpHeaders.AUTHORIZATION, basic(p.foreignerNumber(), "Perso-2026!")))
            .andReturn();
    assertThat(
            HtmlUtils.htmlUnescape(
                history.getResponse().getContentAsString(StandardCharsets.UTF_8)))
        .contains(
            "Un agent de la préfecture, pour vous, au guichet",
            "Demande déposée",
            "Création du compte demandée au guichet")
        .doesNotContain(AGENT);
  }

  static org.camunda.bpm.engine.identity.User withPassword(
      org.camunda.bpm.engine.identity.User user, String password) {
    user.setPassword(password);
    return user;
  }

  @Test
  @DisplayName(
      "Au guichet, l'agent répond pour la personne à la demande de complément : remise, lue et répondue en son nom")
  void agentAnswersAComplementAtTheCounter() throws Exception {
    TestFilings.Filed filed = filings.depositedCase(90);
    RenewalCase renewal = cases.caseOf(filed.processInstanceId());
    Map<String, Object> review = new HashMap<>();
    documents
        .requirements(renewal.getId())
        .forEach(r -> review.put("verdict_" + r.code(), "VALID"));
    review.put("verdict_NATIONALITY", "INVALID");
    review.put("observation_NATIONALITY", "Copie illisible.");
    filings.complete(filed.processInstanceId(), review);
    filings.runDueJobs(filed.processInstanceId());
    String casePage = page("/agent/demandes/" + renewal.getRequestNumber());
    assertThat(casePage)
        .contains("Réponse au complément, au guichet, pour le demandeur", "Copie illisible.");

    MvcResult refused =
        asAgent(
            multipart("/agent/demandes/" + renewal.getRequestNumber() + "/complement")
                .param("reponse_NATIONALITY", "MAINTAIN"));
    assertThat(refused.getFlashMap().get("errors").toString())
        .contains("Veuillez préciser les raisons du maintien");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_event where case_id = ? and kind = 'COMPLEMENT_ANSWERED'",
                Integer.class,
                renewal.getId()))
        .isZero();

    asAgent(
        multipart("/agent/demandes/" + renewal.getRequestNumber() + "/complement")
            .file(
                new MockMultipartFile(
                    "fichiers_NATIONALITY", "passeport-guichet.png", "image/png", TestFiles.png()))
            .param("reponse_NATIONALITY", "UPDATE")
            .param("message", "Passeport scanné au guichet."));

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(filed.processInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .as("back to the review")
        .isEqualTo(RenewalProcess.REVIEW_APPLICATION);
    assertThat(documents.filesOf(renewal.getId()))
        .extracting(f -> f.getFile().getFileName())
        .contains("passeport-guichet.png");
    List<Map<String, Object>> acts =
        jdbc.queryForList(
            "select actor, on_behalf_of, kind, detail from case_event "
                + "where case_id = ? and kind in ('NOTIFICATION_READ', 'COMPLEMENT_ANSWERED') order by id",
            renewal.getId());
    assertThat(acts)
        .extracting(a -> a.get("ACTOR") != null ? a.get("ACTOR") : a.get("actor"))
        .containsOnly(AGENT);
    assertThat(acts)
        .extracting(
            a -> a.get("ON_BEHALF_OF") != null ? a.get("ON_BEHALF_OF") : a.get("on_behalf_of"))
        .containsOnly(filed.applicantId());
    assertThat(acts.toString()).contains("Notification remise au guichet", "faite au guichet");
  }

  @Test
  @DisplayName("Le guichet est réservé aux agents : un usager n'y ouvre rien pour personne")
  void applicantsHaveNoCounter() throws Exception {
    Person p = personWithoutAccount();
    String applicant = TestApplicants.create(register, identity, 90);
    String auth = basic(applicant, TestApplicants.PASSWORD);
    assertThat(
            mvc.perform(get("/agent/guichet").header(HttpHeaders.AUTHORIZATION, auth))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    post("/agent/guichet/identification")
                        .param("numero", p.titleNumber())
                        .header(HttpHeaders.AUTHORIZATION, auth))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(post("/agent/guichet/demande").header(HttpHeaders.AUTHORIZATION, auth))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(cases.casesOf(p.foreignerNumber())).isEmpty();
  }
}
