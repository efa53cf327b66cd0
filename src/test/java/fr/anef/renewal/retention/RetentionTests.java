package fr.anef.renewal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.instruction.ComplementAnswer;
import fr.anef.renewal.instruction.Complements;
import fr.anef.renewal.medical.MedicalFiles;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.ActorGroups;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly purge (ADR 0020), with the engine's clock moved past each period: real cases filed,
 * instructed, decided and abandoned through the processes, then rows counted in the tables. Batches
 * of one row (anef.retention.batch-size in application-test.yaml), so that every purge takes
 * several batches. First of the {@link EngineTest} classes: its purges then go over its own cases
 * and the demo data only.
 */
@EngineTest
@Order(1)
class RetentionTests {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Tables no purge of ours touches, and why (ADR 0020). */
  static final Set<String> OUT_OF_SCOPE =
      Set.of(
          "register_person", "register_title", // the national register's copy: not ours to purge
          "spring_session",
              "spring_session_attributes", // expired sessions: Spring Session's own clean-up
          "cluster_lock", "flyway_schema_history"); // no personal data

  @Autowired RetentionJob job;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Complements complements;
  @Autowired MedicalFiles medicalFiles;
  @Autowired AccountService accounts;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void fixedClock() {
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static Instant plus(Instant from, String period, int days) {
    return ZonedDateTime.ofInstant(from, PARIS)
        .plus(java.time.Period.parse(period))
        .plusDays(days)
        .toInstant();
  }

  int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  /** Rows of every table that hang on this case (and on its medical file). */
  Map<String, Integer> rowsOf(UUID caseId, String requestNumber) {
    Map<String, Integer> rows = new HashMap<>();
    rows.put("renewal_case", count("select count(*) from renewal_case where id = ?", caseId));
    for (String table :
        List.of(
            "case_event",
            "case_required_document",
            "document_file",
            "issued_document",
            "notification",
            "outgoing_mail",
            "document_review",
            "agent_note",
            "complement_request",
            "medical_opinion",
            "decision")) {
      rows.put(table, count("select count(*) from " + table + " where case_id = ?", caseId));
    }
    rows.put(
        "complement_item",
        count(
            "select count(*) from complement_item i join complement_request r "
                + "on r.id = i.request_id where r.case_id = ?",
            caseId));
    rows.put(
        "notification_attachment",
        count(
            "select count(*) from notification_attachment a join notification n "
                + "on n.id = a.notification_id where n.case_id = ?",
            caseId));
    rows.put(
        "file_content",
        count(
            "select count(*) from file_content c where c.id in (select content_id from document_file "
                + "where case_id = ?) or c.id in (select content_id from issued_document where case_id = ?)",
            caseId,
            caseId));
    rows.put(
        "medical_file",
        count("select count(*) from medical_file where request_number = ?", requestNumber));
    for (String table : List.of("medical_event", "medical_document", "college_vote")) {
      rows.put(
          table,
          count(
              "select count(*) from "
                  + table
                  + " t join medical_file f on f.id = t.medical_file_id "
                  + "where f.request_number = ?",
              requestNumber));
    }
    rows.put(
        "medical_file_content",
        count(
            "select count(*) from file_content c join medical_document d on d.content_id = c.id "
                + "join medical_file f on f.id = d.medical_file_id where f.request_number = ?",
            requestNumber));
    return rows;
  }

  /**
   * A case filed, instructed, through OFII (a certificate scan, the report, the college) and
   * decided favourably.
   */
  Filed decidedCase() {
    Filed filed = filings.depositedCase(90);
    String pid = filed.processInstanceId();
    List<String> codes =
        documents.requirements(cases.caseOf(pid).getId()).stream().map(r -> r.code()).toList();
    Map<String, Object> review = new HashMap<>();
    codes.forEach(code -> review.put("verdict_" + code, "VALID"));
    review.put("verdict_NATIONALITY", "INVALID");
    review.put("observation_NATIONALITY", "Veuillez fournir une copie lisible de votre passeport.");
    review.put("privateNote", "Vérifier la date du passeport.");
    filings.complete(pid, review);
    filings.runDueJobs(pid);
    Notification request =
        notifications.list(filed.applicantId(), NotificationFilter.ALL, 0, 50).getContent().stream()
            .filter(n -> n.getKind().equals("COMPLEMENT_REQUEST"))
            .findFirst()
            .orElseThrow();
    notifications.open(filed.applicantId(), request.getId());
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
    filings.runDueJobs(pid);
    Map<String, Object> secondReview = new HashMap<>();
    codes.forEach(code -> secondReview.put("verdict_" + code, "VALID"));
    filings.complete(pid, secondReview);
    filings.runDueJobs(pid);
    notifications.list(filed.applicantId(), NotificationFilter.ALL, 0, 50).getContent().stream()
        .filter(n -> n.getKind().equals("MEDICAL_CERTIFICATE_FORM"))
        .forEach(n -> notifications.open(filed.applicantId(), n.getId()));
    String requestNumber = cases.caseOf(pid).getRequestNumber();
    String ofii =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(OfiiMedicalOpinionProcess.KEY)
            .processInstanceBusinessKey(requestNumber)
            .singleResult()
            .getId();
    UUID medicalFileId =
        jdbc.queryForObject(
            "select id from medical_file where request_number = ?", UUID.class, requestNumber);
    medicalFiles.attach(
        medicalFileId,
        "CERTIFICATE",
        List.of(TestFiles.file("certificat.pdf", TestFiles.pdf())),
        "medecin.ofii");
    ofiiTask(
        ofii,
        pid,
        "medecin.ofii",
        "ofii-doctors",
        OfiiMedicalOpinionProcess.REGISTER_CERTIFICATE,
        Map.of("certificateReceivedDate", LocalDate.now(PARIS).toString()));
    ofiiTask(
        ofii,
        pid,
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
    for (String doctor : List.of("medecin.ofii2", "medecin.ofii3", "medecin.ofii4")) {
      ofiiTask(
          ofii,
          pid,
          doctor,
          "ofii-college",
          OfiiMedicalOpinionProcess.COLLEGE_OPINION,
          Map.of(
              "careNeeded",
              "YES",
              "exceptionallySeriousConsequences",
              "YES",
              "effectiveAccessToCareInOriginCountry",
              "NO",
              "fitToTravel",
              "YES",
              "expectedCareDurationMonths",
              12));
    }
    filings.complete(pid, Map.of("decision", "FAVOURABLE"));
    filings.runDueJobs(pid);
    return filed;
  }

  void ofiiTask(
      String ofii,
      String prefecture,
      String doctor,
      String group,
      String activityId,
      Map<String, Object> values) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(ofii)
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
    filings.runDueJobs(ofii);
    filings.runDueJobs(prefecture);
  }

  /** A new applicant's draft, step 1 saved. */
  String draftWithStepOne() {
    String applicant = TestApplicants.create(register, identity, 90);
    identity.setAuthentication(
        applicant,
        List.of(ActorGroups.APPLICANTS),
        PrefectureTenants.ofGroups(identity, List.of(ActorGroups.APPLICANTS)));
    String pid;
    try {
      pid =
          runtime
              .startProcessInstanceByKey(RenewalProcess.KEY, Map.of("renewalRequested", true))
              .getId();
    } finally {
      identity.clearAuthentication();
    }
    filings.complete(
        pid, Map.of("email", "jeanne@exemple.fr", "phone", "0612345678", "housingType", "OWN"));
    return pid;
  }

  double purged(String kind) {
    Counter counter = meters.find("anef.retention.purged").tag("kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  @DisplayName(
      "Une demande décidée est supprimée 5 ans après sa clôture, avec son dossier médical ; une demande en cours reste")
  void closedCaseAndMedicalFileAfterFiveYears() {
    Filed decided = decidedCase();
    RenewalCase closed = cases.caseOf(decided.processInstanceId());
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.FAVOURABLE);
    assertThat(closed.getClosedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    Filed open = filings.depositedCase(90);
    RenewalCase stillOpen = cases.caseOf(open.processInstanceId());
    assertThat(stillOpen.getClosedAt()).isNull();

    Map<String, Integer> before = rowsOf(closed.getId(), closed.getRequestNumber());
    assertThat(before)
        .as("every kind of row the purge must reach exists")
        .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    Map<String, Integer> openBefore = rowsOf(stillOpen.getId(), stillOpen.getRequestNumber());

    at(plus(closed.getClosedAt(), "P5Y", -1));
    job.purge();
    Map<String, Integer> kept = new HashMap<>(before);
    kept.put("outgoing_mail", 0);
    assertThat(rowsOf(closed.getId(), closed.getRequestNumber()))
        .as("5 years minus a day: all kept but the mails, " + "sent more than 30 days ago")
        .isEqualTo(kept);

    double closedCounted = purged("closed-case");
    double medicalCounted = purged("medical-file");
    at(plus(closed.getClosedAt(), "P5Y", 1));
    RetentionJob.Report report = job.purge();
    assertThat(rowsOf(closed.getId(), closed.getRequestNumber()))
        .as("5 years and a day: all gone")
        .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    Map<String, Integer> openKept = new HashMap<>(openBefore);
    openKept.put("outgoing_mail", 0);
    assertThat(openBefore.get("outgoing_mail")).isPositive();
    assertThat(rowsOf(stillOpen.getId(), stillOpen.getRequestNumber()))
        .as("the open case untouched (its mails sent " + "long ago apart)")
        .isEqualTo(openKept);
    assertThat(report.closedCases()).isPositive();
    assertThat(report.medicalFiles()).isPositive();
    assertThat(purged("closed-case") - closedCounted).isEqualTo(report.closedCases());
    assertThat(purged("medical-file") - medicalCounted).isEqualTo(report.medicalFiles());

    assertThat(job.purge())
        .as("a second run finds nothing more")
        .isEqualTo(new RetentionJob.Report(0, 0, 0, 0, 0));
  }

  @Test
  @DisplayName(
      "Brouillons : abandonné ou inactif, supprimé un an après (instance et historique du moteur compris) ; un brouillon récent reste")
  void draftsAfterOneYear() {
    String abandoned = draftWithStepOne();
    filings.complete(abandoned, Map.of("action", "ABANDON"));
    RenewalCase abandonedCase = cases.caseOf(abandoned);
    assertThat(abandonedCase.getStatus()).isEqualTo(CaseStatus.ABANDONED);
    assertThat(abandonedCase.getClosedAt()).isNotNull();
    String inactive = draftWithStepOne();
    UUID inactiveId = cases.caseOf(inactive).getId();
    Instant start = ClockUtil.getCurrentTime().toInstant();

    at(plus(start, "P6M", 0));
    String recent = draftWithStepOne();
    UUID recentId = cases.caseOf(recent).getId();

    at(plus(start, "P1Y", -1));
    job.purge();
    assertThat(
            count(
                "select count(*) from renewal_case where id in (?, ?, ?)",
                abandonedCase.getId(),
                inactiveId,
                recentId))
        .isEqualTo(3);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inactive).count()).isOne();

    at(plus(start, "P1Y", 1));
    RetentionJob.Report report = job.purge();
    assertThat(report.drafts()).isGreaterThanOrEqualTo(2);
    for (UUID gone : List.of(abandonedCase.getId(), inactiveId)) {
      assertThat(count("select count(*) from renewal_case where id = ?", gone)).isZero();
      assertThat(count("select count(*) from case_event where case_id = ?", gone)).isZero();
      assertThat(count("select count(*) from case_required_document where case_id = ?", gone))
          .isZero();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inactive).count())
        .as("the draft's task gone")
        .isZero();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.of(abandoned, inactive))
                .count())
        .as("and the engine's history of both drafts")
        .isZero();
    assertThat(count("select count(*) from renewal_case where id = ?", recentId))
        .as("the recent draft stays")
        .isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(recent).count()).isOne();
    assertThat(job.purge().drafts()).isZero();
  }

  @Test
  @DisplayName(
      "Liens de compte supprimés 7 jours après leur expiration, courriels 30 jours après leur envoi")
  void accountTokensAndSentMails() {
    String applicant = TestApplicants.create(register, identity, 90);
    accounts.requestReset(applicant);
    filings.sendQueuedMails();
    String email = "jeanne." + applicant + "@exemple.fr";
    Instant expiresAt =
        jdbc.queryForObject(
                "select expires_at from account_token where foreigner_number = ?",
                OffsetDateTime.class,
                applicant)
            .toInstant();
    Instant sentAt =
        jdbc.queryForObject(
                "select sent_at from outgoing_mail where recipient = ?",
                OffsetDateTime.class,
                email)
            .toInstant();

    at(plus(expiresAt, "P7D", -1));
    job.purge();
    assertThat(count("select count(*) from account_token where foreigner_number = ?", applicant))
        .isOne();
    at(plus(expiresAt, "P7D", 1));
    job.purge();
    assertThat(count("select count(*) from account_token where foreigner_number = ?", applicant))
        .isZero();

    at(plus(sentAt, "P30D", -1));
    job.purge();
    assertThat(count("select count(*) from outgoing_mail where recipient = ?", email)).isOne();
    at(plus(sentAt, "P30D", 1));
    assertThat(job.purge().sentMails()).isPositive();
    assertThat(count("select count(*) from outgoing_mail where recipient = ?", email)).isZero();
  }

  @Test
  @DisplayName("Plusieurs nœuds : une seule purge par nuit, la suivante le lendemain")
  void oncePerNight() {
    jdbc.update("update cluster_lock set last_run = null where name = 'retention'");
    Instant night =
        ZonedDateTime.now(PARIS)
            .plusYears(1)
            .withHour(2)
            .withMinute(30)
            .toInstant()
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    at(night);
    assertThat(job.runOncePerNight()).isPresent();
    assertThat(
            jdbc.queryForObject(
                    "select last_run from cluster_lock where name = 'retention'",
                    OffsetDateTime.class)
                .toInstant())
        .isEqualTo(night);
    at(night.plus(Duration.ofMinutes(1)));
    assertThat(job.runOncePerNight()).as("another node, the same night").isEmpty();
    at(night.plus(Duration.ofDays(1)));
    assertThat(job.runOncePerNight()).as("the next night").isPresent();
  }

  @Test
  @DisplayName("Les durées se lisent en français dans le journal")
  void periodsInFrench() {
    assertThat(RetentionJob.french(java.time.Period.parse("P5Y"))).isEqualTo("5 ans");
    assertThat(RetentionJob.french(java.time.Period.parse("P1Y6M"))).isEqualTo("1 an et 6 mois");
    assertThat(RetentionJob.french(java.time.Period.parse("P30D"))).isEqualTo("30 jours");
  }

  @Test
  @DisplayName("Chaque table de l'application a sa règle de conservation")
  void everyTableHasARule() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .getMetaData()
                .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("act_") && !name.startsWith("flyway_")) {
          tables.add(name);
        }
      }
    }
    assertThat(tables)
        .contains("renewal_case", "medical_file")
        .allSatisfy(
            table ->
                assertThat(
                        RetentionPurge.PURGED_TABLES.contains(table)
                            || OUT_OF_SCOPE.contains(table))
                    .as(
                        table
                            + " has a retention rule (RetentionPurge) or is out of scope (ADR 0020)")
                    .isTrue());
  }
}
