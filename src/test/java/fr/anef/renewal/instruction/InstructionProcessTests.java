package fr.anef.renewal.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestDates;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The préfecture's instruction, as the seed's « INSTRUCTION DE LA DEMANDE » pages tell it; timers
 * by the engine clock.
 */
@EngineTest
class InstructionProcessTests {

  static final String REVIEW = RenewalProcess.REVIEW_APPLICATION;
  static final String READ_GATEWAY = RenewalProcess.COMPLEMENT_READ;
  static final String ANSWER_GATEWAY = RenewalProcess.COMPLEMENT_ANSWER;
  static final String MEDICAL_GATEWAY = RenewalProcess.MEDICAL_OUTCOME;
  static final String DECIDE = RenewalProcess.DECIDE;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Complements complements;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired DocumentReviews reviews;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  Filed filed;
  ProcessInstance instance;

  @BeforeEach
  void filedCase() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(new Date());
    filed = filings.depositedCase(90);
    instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(filed.processInstanceId())
            .singleResult();
    assertThat(instance).isWaitingAt(REVIEW);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void later(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  RenewalCase renewal() {
    return cases.caseOf(filed.processInstanceId());
  }

  /** The agent's review: every document valid, except the verdicts given. */
  void review(Map<String, String> verdicts) {
    Map<String, Object> form = new HashMap<>();
    for (String code : requiredCodes()) {
      String verdict = verdicts.getOrDefault(code, "VALID");
      form.put("verdict_" + code, verdict);
      form.put(
          "observation_" + code,
          "VALID".equals(verdict)
              ? null
              : "Veuillez fournir une copie lisible de votre passeport.");
    }
    form.put("privateNote", "Vérifier la date du passeport.");
    filings.complete(filed.processInstanceId(), form);
    filings.runDueJobs(filed.processInstanceId());
  }

  List<String> requiredCodes() {
    return documents.requirements(renewal().getId()).stream().map(r -> r.code()).toList();
  }

  Notification complementNotification() {
    return notifications
        .list(filed.applicantId(), NotificationFilter.ALL, 0, 50)
        .getContent()
        .stream()
        .filter(n -> "COMPLEMENT_REQUEST".equals(n.getKind()))
        .findFirst()
        .orElseThrow();
  }

  List<String> titles() {
    return notifications
        .list(filed.applicantId(), NotificationFilter.ALL, 0, 50)
        .getContent()
        .stream()
        .map(Notification::getTitle)
        .toList();
  }

  void updateNationality(Notification request) {
    complements.reply(
        filed.applicantId(),
        request.getId(),
        List.of(
            new ComplementAnswer(
                "NATIONALITY",
                ComplementAnswer.UPDATE,
                null,
                List.of(TestFiles.file("passeport-lisible.png", TestFiles.png())))),
        "Voici la copie.");
  }

  /** The applicant opens the certificate's notification and OFII registers the certificate. */
  void certificateReceived() {
    notifications.list(filed.applicantId(), NotificationFilter.ALL, 0, 50).getContent().stream()
        .filter(n -> "MEDICAL_CERTIFICATE_FORM".equals(n.getKind()))
        .findFirst()
        .ifPresent(n -> notifications.open(filed.applicantId(), n.getId()));
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_CERTIFICATE_RECEIVED)
        .processInstanceId(filed.processInstanceId())
        .setVariable("certificateReceivedDate", TestDates.today().toString())
        .correlateAllWithResult();
  }

  void opinion(int months) {
    certificateReceived();
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_OFII_OPINION)
        .processInstanceBusinessKey(renewal().getRequestNumber())
        .setVariable("careNeeded", true)
        .setVariable("exceptionallySeriousConsequences", true)
        .setVariable("effectiveAccessToCareInOriginCountry", false)
        .setVariable("expectedCareDurationMonths", months)
        .setVariable("fitToTravel", true)
        .setVariable("opinionDate", TestDates.today().toString())
        .correlate();
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  IssuedDocument issued(String kind) {
    return documents.issuedDocumentsOf(renewal().getId()).stream()
        .filter(d -> d.getKind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "La note interne de l'agent est gardée dans la table de l'application, jamais dans les variables ni l'historique du moteur")
  void privateNoteNeverInTheEngine() {
    Map<String, Object> form = new HashMap<>();
    requiredCodes().forEach(code -> form.put("verdict_" + code, "VALID"));
    form.put("verdict_NATIONALITY", "INVALID");
    form.put("observation_NATIONALITY", "Veuillez fournir une copie lisible de votre passeport.");
    form.put("privateNote", "Note par le formulaire : appeler le consulat.");
    // as Tasklist does (POST /task/{id}/submit-form): the engine also writes each field as a form
    // property
    engine
        .getFormService()
        .submitTaskForm(
            tasks
                .createTaskQuery()
                .processInstanceId(filed.processInstanceId())
                .singleResult()
                .getId(),
            form);
    filings.runDueJobs(filed.processInstanceId());
    Notification request = complementNotification();
    notifications.open(filed.applicantId(), request.getId());
    updateNationality(request);
    assertThat(instance).isWaitingAt(REVIEW);
    review(Map.of()); // as the Java API and the REST API's « complete » do, with « Vérifier la date
    // du passeport. »

    assertThat(reviews.privateNotes(renewal().getId()))
        .as("in the application's table, with its author")
        .containsExactly(
            "agent : Note par le formulaire : appeler le consulat.",
            "agent : Vérifier la date du passeport.");
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from "
                      + table
                      + " where PROC_INST_ID_ = ? and NAME_ = 'privateNote'",
                  Long.class,
                  filed.processInstanceId()))
          .as("no « privateNote » in " + table)
          .isZero();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and (TEXT_ like "
                    + "'%consulat%' or TEXT_ like '%date du passeport%')",
                Long.class, filed.processInstanceId()))
        .as("nor its text under another name")
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = "
                    + "'observation_NATIONALITY'",
                Long.class,
                filed.processInstanceId()))
        .as("the other fields' history stays")
        .isPositive();
  }

  @Test
  @DisplayName(
      "Les variables d'affichage (identité du registre, récapitulatifs, blocs de pièces) restent lisibles par le formulaire, sans historique dans le moteur")
  void displayOnlyVariablesHaveNoHistory() {
    Map<String, Object> variables = runtime.getVariables(filed.processInstanceId());
    assertThat(variables)
        .as("the forms still read them")
        .containsKeys("birthName", "depositSummary", "reviewFileLinks", "label_NATIONALITY");
    review(Map.of("NATIONALITY", "INVALID"));
    for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(
              jdbc.queryForList(
                  "select distinct NAME_ from "
                      + table
                      + " where PROC_INST_ID_ = ? and (NAME_ in ('birthName', 'filingWindow', "
                      + "'requiredDocumentsList', 'depositSummary', 'reviewFileLinks', "
                      + "'caseStatusLabel') or NAME_ like 'label\\_%' or NAME_ like 'files\\_%')",
                  String.class,
                  filed.processInstanceId()))
          .as("no display-only variable in " + table)
          .isEmpty();
      assertThat(
              jdbc.queryForList(
                  "select distinct NAME_ from "
                      + table
                      + " where PROC_INST_ID_ = ? and NAME_ in ('verdict_NATIONALITY', "
                      + "'observation_NATIONALITY', 'caseStatus', 'email', 'applicantId')",
                  String.class,
                  filed.processInstanceId()))
          .as("what the agent and the applicant wrote, and the process data, keep theirs")
          .containsExactlyInAnyOrder(
              "verdict_NATIONALITY",
              "observation_NATIONALITY",
              "caseStatus",
              "email",
              "applicantId");
    }
  }

  @Test
  @DisplayName("Réponse au complément le 29e jour après lecture : la demande revient à l'examen")
  void replyOnDay29() {
    review(Map.of("NATIONALITY", "INVALID"));
    assertThat(instance).isWaitingAt(READ_GATEWAY);
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.COMPLEMENT_REQUESTED);
    assertThat(runtime.getVariable(filed.processInstanceId(), "caseStatus"))
        .isEqualTo("complement_demande");
    Notification request = complementNotification();
    assertThat(request.getBody())
        .contains(
            "Justificatif de nationalité",
            "nationality.pdf",
            "Veuillez fournir une copie lisible",
            "dans un délai de 30 jours après avoir pris connaissance de ce message");

    notifications.open(filed.applicantId(), request.getId());
    assertThat(instance).isWaitingAt(ANSWER_GATEWAY);
    later(Duration.ofDays(29));
    updateNationality(request);

    assertThat(instance).isWaitingAt(REVIEW);
    assertThat(documents.filesOf(renewal().getId()))
        .extracting(f -> f.getFile().getFileName())
        .contains("passeport-lisible.png")
        .doesNotContain("nationality.pdf");
    assertThat(runtime.getVariable(filed.processInstanceId(), "privateNote"))
        .as("never a process variable")
        .isNull();
    assertThat((String) runtime.getVariable(filed.processInstanceId(), "complementHistory"))
        .contains("document mis à jour");
  }

  @Test
  @DisplayName(
      "Sans réponse 30 jours après lecture, la demande est clôturée comme incomplète et l'usager en est informé")
  void noReplyWithin30Days() {
    review(Map.of("HOME_PROOF", "MISSING"));
    Notification request = complementNotification();
    notifications.open(filed.applicantId(), request.getId());
    later(Duration.ofDays(30).plusMinutes(1));
    filings.runDueJobs(filed.processInstanceId());

    assertThat(instance)
        .isEnded()
        .hasPassed(RenewalProcess.CLOSED_INCOMPLETE)
        .hasNotPassed(RenewalProcess.GRANTED);
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.CLOSED_INCOMPLETE);
    assertThat(titles()).contains("Clôture de votre demande");
    assertThatThrownBy(() -> updateNationality(request))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("délai");
  }

  @Test
  @DisplayName(
      "Une demande non lue depuis 15 jours est relancée ; le délai de 30 jours ne court qu'à partir de sa lecture")
  void unreadReminder() {
    review(Map.of("NATIONALITY", "INVALID"));
    later(Duration.ofDays(15).plusMinutes(1));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isWaitingAt("intermediateCatch_complementReadAfterReminder");
    assertThat(titles()).contains("Rappel : demande de complément non consultée");
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(filed.processInstanceId())
                .activityId(RenewalProcess.TIMER_COMPLEMENT_DEADLINE)
                .count())
        .as("30-day timer not started")
        .isZero();

    later(Duration.ofDays(40));
    notifications.open(filed.applicantId(), complementNotification().getId());
    assertThat(instance).isWaitingAt(ANSWER_GATEWAY);
    Date due =
        management
            .createJobQuery()
            .processInstanceId(filed.processInstanceId())
            .activityId(RenewalProcess.TIMER_COMPLEMENT_DEADLINE)
            .singleResult()
            .getDuedate();
    assertThat(due)
        .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(30).toMillis()));
  }

  @Test
  @DisplayName(
      "Deux tours de complément, puis les pièces sont complètes et le dossier part à l'OFII")
  void twoComplementRounds() {
    review(Map.of("NATIONALITY", "INVALID"));
    Notification first = complementNotification();
    complements.reply(
        filed.applicantId(),
        first.getId(),
        List.of(
            new ComplementAnswer(
                "NATIONALITY", ComplementAnswer.MAINTAIN, "La copie comporte 2 pages", List.of())),
        null);
    assertThat(instance).isWaitingAt(REVIEW);

    review(Map.of("HABITUAL_RESIDENCE", "MISSING"));
    Notification second =
        notifications
            .list(filed.applicantId(), NotificationFilter.UNREAD, 0, 50)
            .getContent()
            .stream()
            .filter(n -> "COMPLEMENT_REQUEST".equals(n.getKind()))
            .findFirst()
            .orElseThrow();
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThatThrownBy(
            () -> complements.reply(filed.applicantId(), second.getId(), List.of(), null))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(
            "Joignez le document manquant « Justificatif de résidence habituelle »");
    complements.reply(
        filed.applicantId(),
        second.getId(),
        List.of(
            new ComplementAnswer(
                "HABITUAL_RESIDENCE",
                null,
                null,
                List.of(TestFiles.file("quittance.pdf", TestFiles.pdf())))),
        null);
    assertThat(instance).isWaitingAt(REVIEW);

    review(Map.of());
    assertThat(instance).isWaitingAt(RenewalProcess.CERTIFICATE_NOTICE_READ);
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.MEDICAL_INSTRUCTION);
  }

  @Test
  @DisplayName("« Maintenir le Document » sans raison est refusé et ne change rien")
  void maintainNeedsAReason() {
    review(Map.of("NATIONALITY", "INVALID"));
    Notification request = complementNotification();
    notifications.open(filed.applicantId(), request.getId());
    assertThatThrownBy(
            () ->
                complements.reply(
                    filed.applicantId(),
                    request.getId(),
                    List.of(
                        new ComplementAnswer(
                            "NATIONALITY", ComplementAnswer.MAINTAIN, " ", List.of())),
                    null))
        .isInstanceOf(Refusal.class)
        .hasMessage(
            "Veuillez préciser les raisons du maintien du document « Justificatif de nationalité ».");
    assertThat(instance).isWaitingAt(ANSWER_GATEWAY);
    assertThat(complements.view(request.getId()).orElseThrow().open()).isTrue();
  }

  @Test
  @DisplayName("Deux « Valider et envoyer » simultanés : la réponse est appliquée une seule fois")
  void concurrentRepliesAppliedOnce() throws Exception {
    review(Map.of("NATIONALITY", "INVALID"));
    Notification request = complementNotification();
    notifications.open(filed.applicantId(), request.getId());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Callable<Boolean> reply =
        () -> {
          try {
            updateNationality(request);
            return true;
          } catch (RuntimeException e) {
            return false;
          }
        };
    List<Boolean> outcomes = new ArrayList<>();
    for (Future<Boolean> outcome : pool.invokeAll(List.of(reply, reply))) {
      outcomes.add(outcome.get());
    }
    pool.shutdown();
    assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    assertThat(instance).isWaitingAt(REVIEW);
    assertThat(documents.filesOf(renewal().getId()))
        .filteredOn(f -> f.getDocumentCode().equals("NATIONALITY"))
        .hasSize(1);
  }

  @Test
  @DisplayName("Un avis « invalide » sans observation est refusé à l'agent")
  void invalidNeedsObservation() {
    Map<String, Object> form = new HashMap<>();
    requiredCodes().forEach(code -> form.put("verdict_" + code, "VALID"));
    form.put("verdict_NATIONALITY", "INVALID");
    assertThat(runtime.getVariable(filed.processInstanceId(), "label_NATIONALITY"))
        .isEqualTo("Justificatif de nationalité");
    assertThat(runtime.getVariable(filed.processInstanceId(), "label_IDENTITY"))
        .as("not required: block hidden")
        .isNull();
    assertThatThrownBy(() -> filings.complete(filed.processInstanceId(), form))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Une observation est obligatoire");
    assertThat(instance).isWaitingAt(REVIEW);
  }

  @Test
  @DisplayName(
      "Attestation de prolongation à l'expiration du titre puis 3 mois plus tard ; aucune après la décision")
  void prolongations() throws Exception {
    review(Map.of());
    certificateReceived();
    // stored when the certificate's receipt arrived: the day after the titre's expiry (later than
    // the receipt)
    java.time.ZonedDateTime start = renewal().getTitleValidUntil().plusDays(1).atStartOfDay(PARIS);
    assertThat(runtime.getVariable(filed.processInstanceId(), Prolongations.VAR_START_DATE))
        .isEqualTo(start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    Job startTimer =
        management
            .createJobQuery()
            .processInstanceId(filed.processInstanceId())
            .activityId(RenewalProcess.TIMER_PROLONGATION_START)
            .singleResult();
    assertThat(startTimer.getDuedate().toInstant()).isEqualTo(start.toInstant());

    later(Duration.ofDays(91));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(documents.issuedDocumentsOf(renewal().getId()))
        .filteredOn(d -> d.getKind().equals("PROLONGATION_ATTESTATION"))
        .hasSize(1);
    assertThat(titles()).contains("Notification de prolongation de l'instruction");
    LocalDate firstDay =
        LocalDate.ofInstant(
            ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.of("Europe/Paris"));
    assertThat(text(documents.download(issued("PROLONGATION_ATTESTATION")).bytes()))
        .contains(
            renewal().getRequestNumber(),
            "TESTEUR",
            firstDay.format(Complements.DATE),
            firstDay.plusMonths(3).minusDays(1).format(Complements.DATE));

    later(Duration.ofDays(92));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(documents.issuedDocumentsOf(renewal().getId()))
        .filteredOn(d -> d.getKind().equals("PROLONGATION_ATTESTATION"))
        .hasSize(2);

    opinion(12);
    filings.complete(filed.processInstanceId(), Map.of("decision", "FAVOURABLE"));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isEnded().hasPassed(RenewalProcess.GRANTED);
    later(Duration.ofDays(200));
    assertThat(management.createJobQuery().processInstanceId(filed.processInstanceId()).count())
        .isZero();
    assertThat(documents.issuedDocumentsOf(renewal().getId()))
        .filteredOn(d -> d.getKind().equals("PROLONGATION_ATTESTATION"))
        .hasSize(2);
  }

  @Test
  @DisplayName(
      "Agent : les observations de l'usager dans l'examen ; au tour suivant la tâche est déjà la sienne et nomme les fichiers actuels")
  void laterRoundIsTheFirstReviewersWithTheCurrentFiles() {
    Filed observed = filings.depositedCase(90, "Je suis hospitalisé jusqu'au 15 janvier.");
    String id = observed.processInstanceId();
    assertThat(runtime.getVariable(id, "applicantObservations"))
        .isEqualTo("Je suis hospitalisé jusqu'au 15 janvier.");
    Task first = tasks.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(first.getAssignee()).as("a first review is the group's").isNull();
    Map<String, Object> form = new HashMap<>();
    documents
        .requirements(cases.caseOf(id).getId())
        .forEach(r -> form.put("verdict_" + r.code(), "VALID"));
    form.put("verdict_NATIONALITY", "INVALID");
    form.put("observation_NATIONALITY", "Copie illisible.");
    identity.setAuthentication(
        "agent.lille",
        List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-59"),
        PrefectureTenants.ofGroups(
            identity, List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-59")));
    try {
      tasks.claim(first.getId(), "agent.lille");
      tasks.complete(first.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
    filings.runDueJobs(id);
    Notification request =
        notifications
            .list(observed.applicantId(), NotificationFilter.ALL, 0, 50)
            .getContent()
            .stream()
            .filter(n -> "COMPLEMENT_REQUEST".equals(n.getKind()))
            .findFirst()
            .orElseThrow();
    complements.reply(
        observed.applicantId(),
        request.getId(),
        List.of(
            new ComplementAnswer(
                "NATIONALITY",
                ComplementAnswer.UPDATE,
                null,
                List.of(TestFiles.file("passeport-lisible.png", TestFiles.png())))),
        null);

    Task second = tasks.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(second.getTaskDefinitionKey()).isEqualTo(REVIEW);
    assertThat(second.getAssignee())
        .as("already the first reviewer's: no claim")
        .isEqualTo("agent.lille");
    assertThat((String) runtime.getVariable(id, "depositSummary"))
        .contains("passeport-lisible.png")
        .doesNotContain("nationality.pdf");
    // the form renders these as Markdown: the file names come escaped
    assertThat((String) runtime.getVariable(id, "files_NATIONALITY"))
        .isEqualTo("passeport\\-lisible\\.png");
    assertThat((String) runtime.getVariable(id, "reviewFileLinks"))
        .contains("passeport\\-lisible\\.png")
        .doesNotContain("nationality");
  }

  @Test
  @DisplayName(
      "4 mois sans décision : décision implicite de rejet notifiée ; le préfet peut encore décider")
  void implicitRejectionThenDecision() {
    // stored at the dépôt: the dépôt plus the model's « duration » of « 4 mois sans décision »; the
    // timer reads it
    Instant due =
        renewal()
            .getDepositedAt()
            .atZone(PARIS)
            .plusMonths(4)
            .truncatedTo(ChronoUnit.SECONDS)
            .toInstant();
    String stored =
        (String)
            runtime.getVariable(
                filed.processInstanceId(), RenewalProcess.VAR_IMPLICIT_REJECTION_DATE);
    assertThat(OffsetDateTime.parse(stored).toInstant()).isEqualTo(due);
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(filed.processInstanceId())
            .activityId(RenewalProcess.TIMER_IMPLICIT_REJECTION)
            .singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(due);

    ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.IMPLICITLY_REJECTED);
    assertThat(titles()).contains("Décision implicite de rejet");
    assertThat(
            notifications
                .list(filed.applicantId(), NotificationFilter.ALL, 0, 50)
                .getContent()
                .stream()
                .filter(n -> "IMPLICIT_REJECTION".equals(n.getKind()))
                .findFirst()
                .orElseThrow()
                .getBody())
        .contains("n'a pas reçu de réponse dans un délai de 4 mois");
    assertThat(instance).isWaitingAt(REVIEW);

    review(Map.of());
    opinion(6);
    filings.complete(filed.processInstanceId(), Map.of("decision", "FAVOURABLE"));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isEnded().hasPassed(RenewalProcess.GRANTED);
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.FAVOURABLE);
  }

  @Test
  @DisplayName(
      "Décision favorable : l'attestation porte le nom, le N° de la demande et la validité de la carte tirée de l'avis")
  void favourableDecision() throws Exception {
    review(Map.of());
    opinion(6);
    assertThat(instance).isWaitingAt(DECIDE);
    assertThat((String) runtime.getVariable(filed.processInstanceId(), "opinionSummary"))
        .contains("Durée prévisible des soins : 6 mois");
    LocalDate from =
        LocalDate.parse((String) runtime.getVariable(filed.processInstanceId(), "cardValidFrom"));
    LocalDate until =
        LocalDate.parse((String) runtime.getVariable(filed.processInstanceId(), "cardValidUntil"));
    assertThat(until).isEqualTo(from.plusMonths(6).minusDays(1));

    filings.complete(filed.processInstanceId(), Map.of("decision", "FAVOURABLE"));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isEnded().hasPassed(RenewalProcess.GRANTED);
    assertThat(titles()).contains("Notification de décision");
    assertThat(text(documents.download(issued("FAVOURABLE_DECISION")).bytes()))
        .contains(
            "ATTESTATION DE DÉCISION FAVORABLE",
            "TESTEUR",
            "JEANNE",
            renewal().getRequestNumber(),
            from.format(Complements.DATE),
            until.format(Complements.DATE),
            "225");
  }

  @Test
  @DisplayName("Une carte de plus de 4 ans est refusée à l'agent")
  void cardAtMostFourYears() {
    review(Map.of());
    opinion(12);
    assertThatThrownBy(
            () ->
                filings.complete(
                    filed.processInstanceId(),
                    Map.of(
                        "decision",
                        "FAVOURABLE",
                        "cardValidFrom",
                        "2027-01-01",
                        "cardValidUntil",
                        "2031-06-30")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("plus de 4 ans");
    assertThat(instance).isWaitingAt(DECIDE);
  }

  @Test
  @DisplayName(
      "Sans certificat médical reçu, le préfet refuse : décision motivée avec les voies et délais de recours")
  void refusalWithoutCertificate() throws Exception {
    review(Map.of());
    notifications.open(
        filed.applicantId(),
        notifications.list(filed.applicantId(), NotificationFilter.ALL, 0, 50).getContent().stream()
            .filter(n -> "MEDICAL_CERTIFICATE_FORM".equals(n.getKind()))
            .findFirst()
            .orElseThrow()
            .getId());
    later(Duration.ofDays(32));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isWaitingAt(RenewalProcess.CERTIFICATE_NOT_RECEIVED);
    filings.complete(filed.processInstanceId(), Map.of("certificateFollowUp", "DECIDE"));
    assertThat(instance).isWaitingAt(DECIDE);
    assertThat((String) runtime.getVariable(filed.processInstanceId(), "opinionSummary"))
        .contains("Aucun certificat médical");
    filings.complete(
        filed.processInstanceId(),
        Map.of(
            "decision",
            "REFUSAL",
            "refusalReason",
            "Le certificat médical n'a pas été transmis à l'OFII dans le délai d'un mois."));
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isEnded().hasPassed(RenewalProcess.REFUSED);
    assertThat(renewal().getStatus()).isEqualTo(CaseStatus.REFUSED);
    assertThat(text(documents.download(issued("REFUSAL_DECISION")).bytes()))
        .contains(
            "TESTEUR",
            renewal().getRequestNumber(),
            "n'a pas été transmis à l'OFII",
            "tribunal administratif",
            "deux mois");
  }
}
