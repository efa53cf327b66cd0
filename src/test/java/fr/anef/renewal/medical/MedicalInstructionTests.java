package fr.anef.renewal.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestDates;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.Refusal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OFII's medical instruction and the préfecture's side of it, as the seed and R.425-11 to R.425-13
 * tell them.
 */
@EngineTest
class MedicalInstructionTests {

  /**
   * What the préfecture's history of a case may say of the OFII phase (ADR 0035): the referral (its
   * status), the certificate's receipt date (through the prolongation), the opinion's date, no
   * certificate — nothing of the convocation, the treating doctor, the report or the college's
   * votes.
   */
  static final Set<String> PREFECTURE_CASE_EVENTS =
      Set.of(
          "DRAFT_OPENED",
          "STEP_SAVED",
          "FILES_ATTACHED",
          "DEPOSITED",
          "RECEIPT_ISSUED",
          "NOTIFICATION_SENT",
          "NOTIFICATION_READ",
          "DOCUMENTS_REVIEWED",
          "STATUS_DEPOSITED",
          "STATUS_IN_REVIEW",
          "STATUS_MEDICAL_INSTRUCTION",
          "STATUS_FAVOURABLE",
          "OPINION_RECEIVED");

  /**
   * Every variable the préfecture's process may hold: none of them medical but the opinion's six
   * answers.
   */
  static final Set<String> PREFECTURE_VARIABLES =
      Set.of(
          "renewalRequested",
          "caseId",
          "applicantId",
          "filedBy",
          "counterApplicantId",
          "currentTitleSummary",
          "filingWindow",
          "birthName",
          "usageName",
          "firstNames",
          "sex",
          "birthDate",
          "birthCountry",
          "birthPlace",
          "nationality",
          "addressLine",
          "postalCode",
          "city",
          "country",
          "email",
          "phone",
          "housingType",
          "action",
          "maritalStatus",
          "dependentChildren",
          "attestationNoPolygamy",
          "attestationPenalties",
          "requiredDocumentsList",
          "ephotoNumber",
          "ephotoNumberConfirmation",
          "depositSummary",
          "observations",
          "requestNumber",
          "caseStatus",
          "reviewFileLinks",
          "caseStatusLabel",
          "complementHistory",
          "documentsComplete",
          "awaitedNotificationId",
          "notificationReadAt",
          "complementAnsweredAt",
          "certificateReceivedDate",
          "certificateNoticeReadAt",
          "certificateFollowUp",
          "careNeeded",
          "exceptionallySeriousConsequences",
          "effectiveAccessToCareInOriginCountry",
          "expectedCareDurationMonths",
          "fitToTravel",
          "opinionDate",
          "opinionSummary",
          "titleValidUntil",
          "cardValidFrom",
          "cardValidUntil",
          "decision",
          "refusalReason",
          "instructionOutcome",
          "label_NATIONALITY",
          "files_NATIONALITY",
          "verdict_NATIONALITY",
          "observation_NATIONALITY",
          "label_IDENTITY",
          "files_IDENTITY",
          "verdict_IDENTITY",
          "observation_IDENTITY",
          "label_REGULAR_ENTRY",
          "files_REGULAR_ENTRY",
          "verdict_REGULAR_ENTRY",
          "observation_REGULAR_ENTRY",
          "label_HOME_PROOF",
          "files_HOME_PROOF",
          "verdict_HOME_PROOF",
          "observation_HOME_PROOF",
          "label_HABITUAL_RESIDENCE",
          "files_HABITUAL_RESIDENCE",
          "verdict_HABITUAL_RESIDENCE",
          "observation_HABITUAL_RESIDENCE",
          "label_slot1",
          "files_slot1",
          "verdict_slot1",
          "observation_slot1",
          "label_slot2",
          "files_slot2",
          "verdict_slot2",
          "observation_slot2",
          "label_slot3",
          "files_slot3",
          "verdict_slot3",
          "observation_slot3",
          "label_slot4",
          "files_slot4",
          "verdict_slot4",
          "observation_slot4",
          "label_slot5",
          "files_slot5",
          "verdict_slot5",
          "observation_slot5",
          "applicantObservations",
          "implicitRejectionDate",
          "prolongationStartDate");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired MedicalFileRepository medicalFiles;
  @Autowired MedicalEventRepository medicalEvents;
  @Autowired MedicalFiles files;
  @Autowired fr.anef.renewal.filing.FilingService filingService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  Filed filed;
  ProcessInstance prefecture;
  ProcessInstance ofii;

  @BeforeEach
  void completeCase() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date());
    filed = filings.depositedCase(90);
    Map<String, Object> review = new HashMap<>();
    documents
        .requirements(cases.caseOf(filed.processInstanceId()).getId())
        .forEach(r -> review.put("verdict_" + r.code(), "VALID"));
    filings.complete(filed.processInstanceId(), review);
    filings.runDueJobs(filed.processInstanceId());
    prefecture =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(filed.processInstanceId())
            .singleResult();
    ofii =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(OfiiMedicalOpinionProcess.KEY)
            .processInstanceBusinessKey(requestNumber())
            .singleResult();
    assertThat(prefecture).isWaitingAt(RenewalProcess.CERTIFICATE_NOTICE_READ);
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.REGISTER_CERTIFICATE);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  String requestNumber() {
    return cases.caseOf(filed.processInstanceId()).getRequestNumber();
  }

  void later(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  Notification notification(String kind) {
    return notifications
        .list(filed.applicantId(), NotificationFilter.ALL, 0, 50)
        .getContent()
        .stream()
        .filter(n -> kind.equals(n.getKind()))
        .findFirst()
        .orElseThrow();
  }

  /** Completes the OFII instance's task at this activity as this doctor. */
  void completeAs(String doctor, String group, String activityId, Map<String, Object> values) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(ofii.getId())
            .taskDefinitionKey(activityId)
            .taskUnassigned()
            .list()
            .get(0);
    identity.setAuthentication(
        doctor, List.of(group), PrefectureTenants.ofGroups(identity, List.of(group)));
    try {
      tasks.claim(task.getId(), doctor);
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
    filings.runDueJobs(ofii.getId());
    filings.runDueJobs(prefecture.getId());
  }

  void registerCertificate() {
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.REGISTER_CERTIFICATE,
        Map.of(
            "certificateReceivedDate",
            LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString()));
  }

  void writeReport() {
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "REPORT",
            "report_diseaseHistory",
            "Suivi depuis 2021.",
            "reportExpectedCareMonths",
            12));
  }

  /**
   * The college's three votes: care needed 12 and 6 months, one « non » (24): the opinion is « oui
   * », 12 months.
   */
  void collegeVotes() {
    completeAs(
        "medecin.ofii2",
        "ofii-college",
        OfiiMedicalOpinionProcess.COLLEGE_OPINION,
        vote("YES", 12));
    completeAs(
        "medecin.ofii3", "ofii-college", OfiiMedicalOpinionProcess.COLLEGE_OPINION, vote("YES", 6));
    completeAs(
        "medecin.ofii4", "ofii-college", OfiiMedicalOpinionProcess.COLLEGE_OPINION, vote("NO", 24));
  }

  Map<String, Object> vote(String careNeeded, int months) {
    return Map.of(
        "careNeeded",
        careNeeded,
        "exceptionallySeriousConsequences",
        "YES",
        "effectiveAccessToCareInOriginCountry",
        "NO",
        "fitToTravel",
        "YES",
        "expectedCareDurationMonths",
        months);
  }

  @Test
  @DisplayName(
      "Le dossier médical OFII est dans le tenant de la préfecture du dossier, la suit lors d'un déménagement, et ses agents n'en voient rien")
  void theOfiiFileFollowsItsCase() {
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(ofii.getId())
                .singleResult()
                .getTenantId())
        .isEqualTo("prefecture-59");
    filingService.declareNewAddress(
        filed.applicantId(), filed.applicantId(), "5 rue Oberkampf", "75011", "Paris");
    for (String instance : List.of(prefecture.getId(), ofii.getId())) {
      assertThat(
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(instance)
                  .singleResult()
                  .getTenantId())
          .isEqualTo("prefecture-75");
    }
    List<String> agent = List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-75");
    identity.setAuthentication("agent.paris", agent, PrefectureTenants.ofGroups(identity, agent));
    try {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(prefecture.getId()).count())
          .isEqualTo(1);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(ofii.getId()).count())
          .as("same tenant, no grant: nothing of the medical file")
          .isZero();
      assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(ofii.getId()).count())
          .isZero();
    } finally {
      identity.clearAuthentication();
    }
    List<String> doctor = List.of(ActorGroups.OFII_DOCTORS);
    identity.setAuthentication(
        "medecin.ofii", doctor, PrefectureTenants.ofGroups(identity, doctor));
    try {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(ofii.getId()).count())
          .isEqualTo(1);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @DisplayName(
      "Le formulaire vierge est mis à disposition avec ses trois téléchargements ; le certificat reçu à temps mène à l'avis puis à la décision")
  void certificateInTimeThenOpinionThenDecision() {
    Notification form = notification("MEDICAL_CERTIFICATE_FORM");
    assertThat(form.getTitle())
        .isEqualTo("Mise à disposition de votre formulaire vierge de certificat médical");
    assertThat(notifications.downloadsOf(form.getId()))
        .extracting(d -> d.getLabel())
        .containsExactly(
            "TÉLÉCHARGER LA NOTICE EXPLICATIVE",
            "TÉLÉCHARGER LA NOTICE ARTICLE 56 IMDAEIR",
            "TÉLÉCHARGER LE FORMULAIRE VIERGE DE CERTIFICAT MÉDICAL");
    notifications.open(filed.applicantId(), form.getId());
    assertThat(prefecture).isWaitingAt(RenewalProcess.CERTIFICATE_DELIVERY);

    later(Duration.ofDays(20));
    registerCertificate();
    assertThat(prefecture).isWaitingAt(RenewalProcess.MEDICAL_OUTCOME);
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.WRITE_REPORT);

    writeReport();
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.COLLEGE_OPINION);
    collegeVotes();

    assertThat(ofii).isEnded().hasPassed(OfiiMedicalOpinionProcess.OPINION_SENT);
    assertThat(prefecture).isWaitingAt(RenewalProcess.DECIDE);
    Map<String, Object> variables = runtime.getVariables(prefecture.getId());
    assertThat(variables)
        .containsEntry("careNeeded", true)
        .containsEntry("expectedCareDurationMonths", 12)
        .containsEntry("effectiveAccessToCareInOriginCountry", false);
    assertThat(variables.keySet())
        .isSubsetOf(PREFECTURE_VARIABLES)
        .doesNotContain(
            "reportSummary", "medicalFileSummary", "report_diseaseHistory", "treatingDoctorAnswer");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(prefecture.getId())
                .list())
        .extracting(HistoricVariableInstance::getName)
        .allSatisfy(name -> assertThat(PREFECTURE_VARIABLES).contains(name));
  }

  @Test
  @DisplayName(
      "Secret médical : de toute la phase OFII (convocation, médecin traitant, rapport, collège), la préfecture ne reçoit que la réception du certificat et l'avis")
  void nothingElseReachesThePrefecture() throws Exception {
    java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
    notifications.open(filed.applicantId(), notification("MEDICAL_CERTIFICATE_FORM").getId());
    later(Duration.ofDays(5));
    registerCertificate();
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "CONVENE",
            "convocationDate",
            LocalDate.now(paris).plusDays(10).toString(),
            "convocationTime",
            "09:30",
            "convocationPlace",
            "OFII, 2 rue de Tenremonde, 59000 Lille"));
    notifications.open(filed.applicantId(), notification("OFII_CONVOCATION").getId());
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "REQUEST_INFO",
            "treatingDoctorQuestions",
            "Bilan néphrologique de 2025."));
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.REGISTER_TREATING_DOCTOR_ANSWER,
        Map.of(
            "treatingDoctorAnswerDate",
            LocalDate.now(paris).toString(),
            "treatingDoctorAnswer",
            "Insuffisance rénale stade 4."));
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction", "REPORT", "report_diseaseHistory", "Dialyse trois fois par semaine."));
    collegeVotes();
    assertThat(ofii)
        .isEnded()
        .hasPassed(
            OfiiMedicalOpinionProcess.CONVENE_APPLICANT, OfiiMedicalOpinionProcess.SEND_OPINION);
    filings.complete(prefecture.getId(), Map.of("decision", "FAVOURABLE"));
    filings.runDueJobs(prefecture.getId());
    assertThat(prefecture).isEnded();
    List<String> secrets =
        List.of(
            "Tenremonde",
            " à 09:30",
            "onvocation",
            "néphrologique",
            "rénale",
            "Dialyse",
            "médecin traitant",
            "apport médical");

    // the case's history, as the agent's page and the managers' figures read it
    java.util.UUID caseId = cases.caseOf(prefecture.getId()).getId();
    assertThat(cases.history(caseId))
        .allSatisfy(
            event -> {
              assertThat(PREFECTURE_CASE_EVENTS)
                  .as("case_event kind")
                  .contains(event.getKind().name());
              assertThat(event.getDetail()).as(event.getKind().name()).doesNotContain(secrets);
            });
    // the préfecture's process: its variables' names (history: the instance has ended) and every
    // value they had
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(prefecture.getId())
                .list())
        .extracting(HistoricVariableInstance::getName)
        .allSatisfy(name -> assertThat(PREFECTURE_VARIABLES).contains(name));
    List<String> values =
        jdbc.queryForList(
            "select TEXT_ from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TEXT_ is not "
                + "null union all select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and TEXT_ is not null",
            String.class,
            prefecture.getId(),
            prefecture.getId());
    assertThat(values).isNotEmpty().allSatisfy(value -> assertThat(value).doesNotContain(secrets));
    // the agent's page of the case
    var page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/agent/demandes/" + requestNumber())
                    .header(
                        org.springframework.http.HttpHeaders.AUTHORIZATION,
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString("agent.lille:Demo-2026!".getBytes())))
            .andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    String html =
        org.springframework.web.util.HtmlUtils.htmlUnescape(
            page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(html).contains("Avis médical de l'OFII reçu").doesNotContain(secrets);
    // what the applicant received: the convocation came from OFII, in their own space only, and
    // without the report
    assertThat(notification("OFII_CONVOCATION").getBody())
        .contains("Tenremonde")
        .doesNotContain("néphrologique", "rénale", "Dialyse");
    assertThat(
            jdbc.queryForList(
                "select body from outgoing_mail where case_id = ?", String.class, caseId))
        .isNotEmpty()
        .allSatisfy(mail -> assertThat(mail).doesNotContain(secrets));
  }

  @Test
  @DisplayName(
      "Un mois après la consultation sans certificat : l'agent décide d'attendre encore, puis de passer à la décision")
  void oneMonthWithoutCertificate() {
    notifications.open(filed.applicantId(), notification("MEDICAL_CERTIFICATE_FORM").getId());
    later(Duration.ofDays(32));
    filings.runDueJobs(prefecture.getId());
    assertThat(prefecture).isWaitingAt(RenewalProcess.CERTIFICATE_NOT_RECEIVED);
    filings.complete(prefecture.getId(), Map.of("certificateFollowUp", "WAIT"));
    assertThat(prefecture).isWaitingAt(RenewalProcess.CERTIFICATE_DELIVERY);
    later(Duration.ofDays(32));
    filings.runDueJobs(prefecture.getId());
    filings.complete(prefecture.getId(), Map.of("certificateFollowUp", "DECIDE"));
    assertThat(prefecture).isWaitingAt(RenewalProcess.DECIDE);
    assertThat((String) runtime.getVariable(prefecture.getId(), "opinionSummary"))
        .contains("Aucun certificat médical");

    filings.complete(
        prefecture.getId(),
        Map.of(
            "decision",
            "REFUSAL",
            "refusalReason",
            "Le certificat médical n'a pas été transmis à l'OFII dans le délai."));
    filings.runDueJobs(prefecture.getId());
    assertThat(ofii)
        .as("the préfecture's closure closes OFII's file")
        .isEnded()
        .hasPassed(
            OfiiMedicalOpinionProcess.CLOSE_MEDICAL_FILE,
            OfiiMedicalOpinionProcess.MEDICAL_FILE_CLOSED);
    assertClosedByThePrefecture();
  }

  /**
   * The file is closed by « Clore le dossier médical »: dated, logged, read-only, no OFII task
   * left.
   */
  void assertClosedByThePrefecture() {
    MedicalFile file = medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow();
    assertThat(file.closedAt).as("the 5 years of retention start at the closing").isNotNull();
    assertThat(medicalEvents.findByMedicalFileIdOrderByOccurredAtAsc(file.id))
        .extracting(e -> e.kind)
        .containsOnlyOnce("CLOSED");
    assertThat(tasks.createTaskQuery().processInstanceId(ofii.getId()).count()).isZero();
    assertThatThrownBy(
            () ->
                files.attach(
                    file.id,
                    "ATTACHMENT",
                    List.of(
                        fr.anef.renewal.TestFiles.file(
                            "bilan.pdf", fr.anef.renewal.TestFiles.pdf())),
                    "medecin.ofii"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Ce dossier médical est clos");
    assertThat(files.view(file.id))
        .as("OFII's doctors still read it")
        .get()
        .satisfies(view -> assertThat(view.closedAt()).isEqualTo(file.closedAt));
  }

  @Test
  @DisplayName(
      "Le certificat arrive après que l'agent est passé à la décision : la décision clôt le dossier médical en cours d'instruction")
  void decisionClosesTheFileDuringTheMedicalInstruction() {
    notifications.open(filed.applicantId(), notification("MEDICAL_CERTIFICATE_FORM").getId());
    later(Duration.ofDays(32));
    filings.runDueJobs(prefecture.getId());
    filings.complete(prefecture.getId(), Map.of("certificateFollowUp", "DECIDE"));
    assertThat(prefecture).isWaitingAt(RenewalProcess.DECIDE);
    registerCertificate();
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.WRITE_REPORT);

    filings.complete(
        prefecture.getId(),
        Map.of(
            "decision",
            "REFUSAL",
            "refusalReason",
            "Le certificat médical n'a pas été transmis à l'OFII dans le délai."));
    filings.runDueJobs(prefecture.getId());
    assertThat(prefecture).isEnded();
    assertThat(ofii)
        .isEnded()
        .hasPassed(OfiiMedicalOpinionProcess.CLOSE_MEDICAL_FILE)
        .hasNotPassed(OfiiMedicalOpinionProcess.SEND_OPINION);
    assertClosedByThePrefecture();
  }

  @Test
  @DisplayName(
      "« Dossier clos par la préfecture » sur un dossier dont l'avis est déjà transmis : rien ne change, clos à l'envoi de l'avis")
  void fileClosedAtItsOpinionStaysSo() {
    registerCertificate();
    writeReport();
    collegeVotes();
    assertThat(ofii)
        .isEnded()
        .hasPassed(OfiiMedicalOpinionProcess.SEND_OPINION)
        .hasNotPassed(OfiiMedicalOpinionProcess.CLOSE_MEDICAL_FILE);
    MedicalFile sent = medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow();
    assertThat(sent.closedAt).isNotNull();

    later(Duration.ofDays(3));
    filings.complete(
        prefecture.getId(), Map.of("decision", "FAVOURABLE")); // the card's dates as prefilled
    filings.runDueJobs(prefecture.getId());
    assertThat(prefecture).isEnded();
    MedicalFile closed = medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow();
    assertThat(closed.closedAt).as("closed once, when the opinion left").isEqualTo(sent.closedAt);
    assertThat(medicalEvents.findByMedicalFileIdOrderByOccurredAtAsc(closed.id))
        .extracting(e -> e.kind)
        .contains("OPINION_SENT")
        .doesNotContain("CLOSED");
  }

  @Test
  @DisplayName(
      "Le certificat arrive pendant que l'agent décide de la suite : « attendre » mène à l'attente de l'avis")
  void certificateArrivesWhileTheAgentDecides() {
    notifications.open(filed.applicantId(), notification("MEDICAL_CERTIFICATE_FORM").getId());
    later(Duration.ofDays(32));
    filings.runDueJobs(prefecture.getId());
    assertThat(prefecture).isWaitingAt(RenewalProcess.CERTIFICATE_NOT_RECEIVED);
    registerCertificate();
    filings.complete(prefecture.getId(), Map.of("certificateFollowUp", "WAIT"));
    assertThat(prefecture).isWaitingAt(RenewalProcess.MEDICAL_OUTCOME);
  }

  @Test
  @DisplayName(
      "Demande d'informations au médecin traitant : la réponse enregistrée ramène au rapport ; sans réponse sous 15 jours aussi")
  void treatingDoctorInformation() {
    registerCertificate();
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "REQUEST_INFO",
            "treatingDoctorQuestions",
            "Compte rendu d'hospitalisation de 2025."));
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.REGISTER_TREATING_DOCTOR_ANSWER);
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.REGISTER_TREATING_DOCTOR_ANSWER,
        Map.of(
            "treatingDoctorAnswerDate",
            LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString(),
            "treatingDoctorAnswer",
            "Compte rendu reçu."));
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.WRITE_REPORT);

    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of("reportAction", "REQUEST_INFO", "treatingDoctorQuestions", "Résultats d'analyses."));
    later(Duration.ofDays(15).plusMinutes(1));
    filings.runDueJobs(ofii.getId());
    assertThat(ofii)
        .isWaitingAt(OfiiMedicalOpinionProcess.WRITE_REPORT)
        .hasPassed(OfiiMedicalOpinionProcess.RECORD_TREATING_DOCTOR_SILENCE);
    MedicalFile file = medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow();
    assertThat(file.id).isNotNull();
  }

  @Test
  @DisplayName(
      "Le médecin auteur du rapport ne peut pas siéger au collège, ni un médecin voter deux fois")
  void reportAuthorCannotSitInTheCollege() {
    registerCertificate();
    writeReport();
    assertThatThrownBy(
            () ->
                completeAs(
                    "medecin.ofii",
                    "ofii-college",
                    OfiiMedicalOpinionProcess.COLLEGE_OPINION,
                    vote("YES", 12)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("ne peut pas siéger au collège");
    completeAs(
        "medecin.ofii2",
        "ofii-college",
        OfiiMedicalOpinionProcess.COLLEGE_OPINION,
        vote("YES", 12));
    assertThatThrownBy(
            () ->
                completeAs(
                    "medecin.ofii2",
                    "ofii-college",
                    OfiiMedicalOpinionProcess.COLLEGE_OPINION,
                    vote("YES", 12)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("déjà rendu votre avis");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(ofii.getId())
                .taskDefinitionKey(OfiiMedicalOpinionProcess.COLLEGE_OPINION)
                .count())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("La convocation de l'usager ne porte que la date, l'heure et le lieu")
  void convocationCarriesNothingMedical() {
    registerCertificate();
    completeAs(
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "CONVENE",
            "convocationDate",
            TestDates.today().plusDays(10).toString(),
            "convocationTime",
            "09:30",
            "convocationPlace",
            "OFII, 2 rue de Tenremonde, 59000 Lille",
            "report_diseaseHistory",
            "Ne doit pas sortir."));
    Notification convocation = notification("OFII_CONVOCATION");
    assertThat(convocation.getBody())
        .contains("09:30", "2 rue de Tenremonde")
        .doesNotContain("Ne doit pas sortir");
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.WRITE_REPORT);
  }

  @Test
  @DisplayName(
      "Trois mois après la réception du certificat sans avis, le dossier est signalé en retard")
  void overdueOpinionFlagged() {
    registerCertificate();
    // stored at the certificate's registration: its receipt plus the model's « duration » of « 3
    // mois sans avis »
    java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
    java.time.ZonedDateTime due = LocalDate.now(paris).plusMonths(3).atStartOfDay(paris);
    assertThat(runtime.getVariable(ofii.getId(), MedicalFiles.VAR_OPINION_DUE_DATE))
        .isEqualTo(due.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    assertThat(medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow().opinionDueOn)
        .isEqualTo(due.toLocalDate());
    org.camunda.bpm.engine.runtime.Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(ofii.getId())
            .activityId(OfiiMedicalOpinionProcess.TIMER_OPINION_OVERDUE)
            .singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(due.toInstant());
    ClockUtil.setCurrentTime(Date.from(due.toInstant().minusSeconds(60)));
    filings.runDueJobs(ofii.getId());
    assertThat(medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow().overdue).isFalse();
    ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
    filings.runDueJobs(ofii.getId());
    assertThat(medicalFiles.findByProcessInstanceId(ofii.getId()).orElseThrow().overdue).isTrue();
    assertThat(ofii).isWaitingAt(OfiiMedicalOpinionProcess.WRITE_REPORT);
  }
}
