package fr.anef.renewal.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.management.ManagementDashboard.Dashboard;
import fr.anef.renewal.processes.RenewalProcess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The managers' view on the application as it runs (H2 in CI's first pass, PostgreSQL in its
 * second): each manager reads their own préfecture's figures only, a non-manager is refused in
 * French, and the CSV and ODS downloads carry the figures of the page.
 */
@EngineTest
class ManagementPagesTests {

  static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  static final String PASSWORD = "Gestion-2026!";
  static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired ManagementDashboard dashboards;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired Clock clock;

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  MvcResult as(String user, String password, String url) throws Exception {
    return mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, basic(user, password)))
        .andReturn();
  }

  String page(String user, String url) throws Exception {
    return page(user, ManagementAccess.DEMO_PASSWORD, url);
  }

  /** The body as a person reads it (HTML entities decoded). */
  String page(String user, String password, String url) throws Exception {
    MvcResult result = as(user, password, url);
    assertThat(result.getResponse().getStatus()).as(user + " " + url).isEqualTo(200);
    return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  // ---- Cases as the other capabilities leave them (tables written directly: history of months in
  // one test)

  String requestNumber(String department) {
    return department + String.format("%017d", NUMBERS.incrementAndGet());
  }

  /**
   * A decided case: dépôt, first review after {@code review} days, the OFII between the given days,
   * the decision.
   */
  String decidedCase(
      String department,
      Instant deposit,
      int review,
      int medicalFrom,
      int opinionAt,
      int decisionAt) {
    UUID id =
        filedCase(department, "FAVOURABLE", deposit, deposit.plus(Duration.ofDays(decisionAt)));
    event(id, deposit.plus(Duration.ofDays(review)), "DOCUMENTS_REVIEWED");
    event(id, deposit.plus(Duration.ofDays(medicalFrom)), "STATUS_MEDICAL_INSTRUCTION");
    jdbc.update(
        "insert into medical_opinion (case_id, outcome, recorded_at) values (?, 'OPINION', ?)",
        id,
        at(deposit.plus(Duration.ofDays(opinionAt))));
    jdbc.update(
        "insert into decision (case_id, kind, decided_at, decided_by) values (?, 'FAVOURABLE', ?, 'agent.test')",
        id,
        at(deposit.plus(Duration.ofDays(decisionAt))));
    return jdbc.queryForObject(
        "select request_number from renewal_case where id = ?", String.class, id);
  }

  UUID filedCase(String department, String status, Instant deposit, Instant closed) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into renewal_case (id, version, applicant_id, process_instance_id, status, request_number,"
            + " department, holds_residence_permit, created_at, deposited_at, closed_at)"
            + " values (?, 0, 'gestion.test', ?, ?, ?, ?, true, ?, ?, ?)",
        id,
        UUID.randomUUID().toString(),
        status,
        requestNumber(department),
        department,
        at(deposit.minus(Duration.ofDays(3))),
        at(deposit),
        closed == null ? null : at(closed));
    return id;
  }

  void complementRound(UUID caseId, int round, Instant requested, Instant answered) {
    UUID notification = UUID.randomUUID();
    jdbc.update(
        "insert into notification (id, idempotency_key, case_id, applicant_id, category, kind, title, body,"
            + " created_at) values (?, ?, ?, 'gestion.test', 'DEMANDE', 'COMPLEMENT_REQUEST', 'Demande de complément', '…', ?)",
        notification,
        "gestion-test:" + notification,
        caseId,
        at(requested));
    jdbc.update(
        "insert into complement_request (id, version, case_id, round, notification_id, status, requested_at,"
            + " answered_at) values (?, 0, ?, ?, ?, 'ANSWERED', ?, ?)",
        UUID.randomUUID(),
        caseId,
        round,
        notification,
        at(requested),
        at(answered));
  }

  /** A line of the case's history, and the stage date Cases.log stores with it (ADR 0026). */
  void event(UUID caseId, Instant when, String kind) {
    jdbc.update(
        "insert into case_event (case_id, occurred_at, actor, kind) values (?, ?, 'administration', ?)",
        caseId,
        at(when),
        kind);
    String stage =
        switch (kind) {
          case "DOCUMENTS_REVIEWED" -> "first_reviewed_at";
          case "STATUS_MEDICAL_INSTRUCTION" -> "medical_started_at";
          default -> null;
        };
    if (stage != null) {
      jdbc.update(
          "update renewal_case set " + stage + " = ? where id = ? and " + stage + " is null",
          at(when),
          caseId);
    }
  }

  static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }

  String manager(String department) {
    String id = "gestion." + UUID.randomUUID().toString().substring(0, 8);
    String scope = ManagerScope.groupOf(department);
    if (identity.createGroupQuery().groupId(scope).count() == 0) {
      Group group = identity.newGroup(scope);
      group.setName("Préfecture de test " + department);
      identity.saveGroup(group);
    }
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, ManagerScope.MANAGERS);
    identity.createMembership(id, scope);
    return id;
  }

  // ---- Tests

  @Test
  @DisplayName(
      "Le responsable du Nord voit les demandes, les échéances et les prévisions du Nord, jamais celles de Paris ; et inversement")
  void eachManagerSeesOnlyTheirPrefecture() throws Exception {
    Instant now = clock.instant();
    String nordOpen =
        jdbc.queryForObject(
            "select request_number from renewal_case where id = ?",
            String.class,
            filedCase("59", "IN_REVIEW", now.minus(Duration.ofDays(12)), null));
    String parisOpen =
        jdbc.queryForObject(
            "select request_number from renewal_case where id = ?",
            String.class,
            filedCase("75", "MEDICAL_INSTRUCTION", now.minus(Duration.ofDays(40)), null));
    // A real case filed in the Nord, its « 4 mois sans décision » timer brought within the coming
    // days.
    Filed filed = filings.depositedCase(90);
    String nordTimer = cases.caseOf(filed.processInstanceId()).getRequestNumber();
    Job implicitRejection =
        management
            .createJobQuery()
            .processInstanceId(filed.processInstanceId())
            .timers()
            .list()
            .stream()
            .filter(
                j ->
                    RenewalProcess.TIMER_IMPLICIT_REJECTION.equals(
                        management
                            .createJobDefinitionQuery()
                            .jobDefinitionId(j.getJobDefinitionId())
                            .singleResult()
                            .getActivityId()))
            .findFirst()
            .orElseThrow();
    management.setJobDuedate(implicitRejection.getId(), Date.from(now.plus(Duration.ofDays(2))));

    String nord = page("manager.lille", "/gestion");
    assertThat(nord)
        .contains(
            "Tableau de bord",
            "Préfecture du Nord",
            nordOpen,
            nordTimer,
            "4 mois après le dépôt (décision implicite de rejet)",
            "<svg")
        .doesNotContain(parisOpen);
    String paris = page("manager.paris", "/gestion");
    assertThat(paris)
        .contains("Préfecture de police", parisOpen)
        .doesNotContain(nordOpen, nordTimer);

    assertThat(page("manager.paris", "/gestion/export.csv?tableau=previsions"))
        .contains(parisOpen)
        .doesNotContain(nordOpen);
    assertThat(page("manager.paris", "/gestion/export.csv?tableau=echeances"))
        .doesNotContain(nordTimer);
    assertThat(page("manager.lille", "/gestion/export.csv?tableau=echeances")).contains(nordTimer);
    assertThat(
            odsText(
                as("manager.paris", ManagementAccess.DEMO_PASSWORD, "/gestion/tableau-de-bord.ods")
                    .getResponse()
                    .getContentAsByteArray()))
        .contains(parisOpen)
        .doesNotContain(nordOpen, nordTimer);
  }

  @Test
  @DisplayName(
      "Hors responsables de préfecture, ou sans préfecture de rattachement : 403 et un refus en français, page et téléchargements")
  void othersAreRefusedInFrench() throws Exception {
    for (String url :
        List.of(
            "/gestion", "/gestion/export.csv?tableau=statuts", "/gestion/tableau-de-bord.ods")) {
      MvcResult agent = as("agent.lille", "Demo-2026!", url);
      assertThat(agent.getResponse().getStatus()).as(url).isEqualTo(403);
      assertThat(agent.getResponse().getContentAsString(StandardCharsets.UTF_8))
          .contains(
              "Accès refusé", "Ce tableau de bord est réservé aux responsables de préfecture.");
    }
    String unscoped = "gestion." + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(unscoped);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(unscoped, ManagerScope.MANAGERS);
    MvcResult refused = as(unscoped, PASSWORD, "/gestion");
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(
            HtmlUtils.htmlUnescape(
                refused.getResponse().getContentAsString(StandardCharsets.UTF_8)))
        .contains("Votre compte n'est rattaché à aucune préfecture, ou à plusieurs");
    assertThat(
            as("manager.lille", "Demo-2026!", "/gestion/export.csv?tableau=autre")
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "Médianes, 90e centiles et prévision d'une préfecture connue, et les CSV et ODS les redonnent à l'identique")
  void figuresAndTheirDownloads() throws Exception {
    String department = "2B";
    String manager = manager(department);
    Instant now = clock.instant();
    // Five decided cases: review after 2..10 days, the OFII from day 20 to days 80..120, decisions
    // 10 days later.
    int[] opinions = {80, 90, 100, 110, 120};
    for (int i = 0; i < opinions.length; i++) {
      decidedCase(
          department,
          now.minus(Duration.ofDays(200 - i)),
          2 + 2 * i,
          20,
          opinions[i],
          opinions[i] + 10);
    }
    UUID withComplements =
        filedCase(
            department, "REFUSED", now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(1)));
    complementRound(
        withComplements, 1, now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(60)));
    complementRound(
        withComplements, 2, now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(40)));
    UUID open = filedCase(department, "COMPLEMENT_REQUESTED", now.minus(Duration.ofDays(10)), null);
    String openNumber =
        jdbc.queryForObject(
            "select request_number from renewal_case where id = ?", String.class, open);

    Dashboard dashboard = dashboards.of(department, "Préfecture de test");
    assertThat(dashboard.statuses())
        .filteredOn(s -> s.count() > 0)
        .extracting(s -> s.status().name() + "=" + s.count())
        .containsExactly("COMPLEMENT_REQUESTED=1", "FAVOURABLE=5", "REFUSED=1");
    assertThat(dashboard.stages())
        .extracting(s -> s.series().name() + " " + s.samples() + " " + s.median() + " " + s.p90())
        .containsExactly(
            "REVIEW 5 6 10",
            "COMPLEMENT 2 10 30",
            "MEDICAL 5 80 100",
            "DECISION 5 10 10",
            "TOTAL 5 110 130");
    // Deposited 10 days ago: the decided cases took 90..130 days from their dépôt, median 110.
    LocalDate expected =
        LocalDate.ofInstant(
            now.minus(Duration.ofDays(10)).plus(Duration.ofDays(110)), clock.getZone());
    assertThat(dashboard.forecasts())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.requestNumber()).isEqualTo(openNumber);
              assertThat(f.predicted()).isEqualTo(expected);
              assertThat(f.basis()).isEqualTo("Durée médiane depuis le dépôt (5 décisions)");
            });

    List<List<String>> odsSheets = new ArrayList<>();
    byte[] ods =
        as(manager, PASSWORD, "/gestion/tableau-de-bord.ods").getResponse().getContentAsByteArray();
    List<Sheet> sheets = dashboard.sheets();
    for (Sheet sheet : sheets) {
      MvcResult csv = as(manager, PASSWORD, "/gestion/export.csv?tableau=" + sheet.fileName());
      assertThat(csv.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
      assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
          .contains(sheet.fileName() + ".csv");
      assertThat(parseCsv(csv.getResponse().getContentAsByteArray()))
          .as(sheet.name())
          .isEqualTo(asText(sheet));
      assertThat(parseOdsSheet(ods, sheet.name())).as(sheet.name()).isEqualTo(typed(sheet));
    }
    assertThat(page(manager, PASSWORD, "/gestion"))
        .contains(
            openNumber,
            "Phase médicale (saisine de l'OFII → avis)",
            "médiane 80 jours, 90 % en 100 jours au plus");
  }

  // ---- Reading the downloads back

  static List<List<String>> asText(Sheet sheet) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(sheet.headers());
    for (List<Object> row : sheet.rows()) {
      rows.add(row.stream().map(c -> c == null ? "" : c.toString()).toList());
    }
    return rows;
  }

  /**
   * The sheet's cells as the ODS types them: « float:3 », « date:2026-12-01 », « string:… », «
   * empty ».
   */
  static List<List<String>> typed(Sheet sheet) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(sheet.headers().stream().map(h -> "string:" + h).toList());
    for (List<Object> row : sheet.rows()) {
      rows.add(
          row.stream()
              .map(
                  c ->
                      c == null
                          ? "empty"
                          : c instanceof Number
                              ? "float:" + c
                              : c instanceof LocalDate ? "date:" + c : "string:" + c)
              .toList());
    }
    return rows;
  }

  static List<List<String>> parseCsv(byte[] bytes) throws Exception {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text.substring(1), SpreadsheetExports.CSV)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    }
    return rows;
  }

  static byte[] contentXml(byte[] ods) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
      ZipEntry first = zip.getNextEntry();
      assertThat(first.getName()).isEqualTo("mimetype");
      assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
      assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo(SpreadsheetExports.ODS_TYPE);
      List<String> names = new ArrayList<>();
      byte[] content = null;
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
        byte[] bytes = zip.readAllBytes();
        if (entry.getName().equals("content.xml")) {
          content = bytes;
        }
      }
      assertThat(names).contains("META-INF/manifest.xml", "content.xml");
      return content;
    }
  }

  static List<List<String>> parseOdsSheet(byte[] ods, String name) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document document =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(contentXml(ods)));
    NodeList tables = document.getElementsByTagNameNS(TABLE, "table");
    for (int t = 0; t < tables.getLength(); t++) {
      Element table = (Element) tables.item(t);
      if (!table.getAttributeNS(TABLE, "name").equals(name)) {
        continue;
      }
      List<List<String>> rows = new ArrayList<>();
      NodeList rowNodes = table.getElementsByTagNameNS(TABLE, "table-row");
      for (int r = 0; r < rowNodes.getLength(); r++) {
        List<String> cells = new ArrayList<>();
        NodeList cellNodes =
            ((Element) rowNodes.item(r)).getElementsByTagNameNS(TABLE, "table-cell");
        for (int c = 0; c < cellNodes.getLength(); c++) {
          Element cell = (Element) cellNodes.item(c);
          String type = cell.getAttributeNS(OFFICE, "value-type");
          cells.add(
              switch (type) {
                case "float" -> "float:" + cell.getAttributeNS(OFFICE, "value");
                case "date" -> "date:" + cell.getAttributeNS(OFFICE, "date-value");
                case "string" ->
                    "string:" + cell.getElementsByTagNameNS(TEXT, "p").item(0).getTextContent();
                default -> "empty";
              });
        }
        rows.add(cells);
      }
      return rows;
    }
    throw new AssertionError("no sheet " + name);
  }

  static String odsText(byte[] ods) throws Exception {
    return new String(contentXml(ods), StandardCharsets.UTF_8);
  }
}
