package fr.anef.renewal.management;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.management.DecisionForecast.Milestones;
import fr.anef.renewal.management.PredictionBacktest.DecidedCase;
import fr.anef.renewal.models.ProcedureTimers;
import fr.anef.renewal.processes.RenewalProcess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of one préfecture, read in the database with aggregates (GROUP BY) and the indexes by
 * département of Flyway V30; the stage dates are the case's own columns (V31_26, ADR 0026).
 * Portable SQL (H2 and PostgreSQL): durations in whole days by {@code extract(epoch …)}.
 */
@Repository
@Transactional(readOnly = true)
class ManagementFigures {

  /**
   * The engine's timers that make a manager's deadlines, by their ids in the model, with their
   * French names.
   */
  static final Map<String, String> DEADLINE_TIMERS = deadlineTimers();

  /** Statuses of a filed case still under instruction (the silence of 4 months does not end it). */
  static final List<CaseStatus> OPEN =
      Arrays.stream(CaseStatus.values())
          .filter(s -> s != CaseStatus.DRAFT && !s.isFinal())
          .toList();

  /**
   * Statuses of a filed case (drafts and drafts abandoned before the dépôt are not yet the
   * préfecture's).
   */
  static final List<CaseStatus> FILED =
      Arrays.stream(CaseStatus.values())
          .filter(s -> s != CaseStatus.DRAFT && s != CaseStatus.ABANDONED)
          .toList();

  /** Stage dates stored on the case when the stage first happens (Flyway V31_26, ADR 0026). */
  private static final String MEDICAL_STARTED = "c.medical_started_at";

  private static final String FIRST_REVIEW = "c.first_reviewed_at";

  private final JdbcTemplate jdbc;

  ManagementFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Filed cases of the département by status, every filed status present (0 when none). */
  Map<CaseStatus, Long> casesByStatus(String department) {
    Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
    FILED.forEach(s -> counts.put(s, 0L));
    jdbc.query(
        "select status, count(*) from renewal_case where department = ? and status in ("
            + names(FILED)
            + ") group by status",
        row -> {
          counts.put(CaseStatus.valueOf(row.getString(1)), row.getLong(2));
        },
        department);
    return counts;
  }

  /**
   * The histograms (whole days → number of cases) of every {@link Series}: stages of the cases
   * filed since {@code since}, and durations to the decision of the cases closed since {@code
   * since}.
   */
  Map<Series, DurationDistribution> durations(String department, Instant since) {
    Timestamp from = Timestamp.from(since);
    // One pass over the département's cases of the window (index (department, deposited_at) or
    // (department, closed_at)), each case's stage dates read from its own row, then every series
    // from it.
    String sql =
        "with t as (select c.deposited_at, o.recorded_at, d.decided_at,"
            + "   case when c.deposited_at >= ? then 1 else 0 end as filed_recently,"
            + "   case when c.closed_at >= ? then 1 else 0 end as closed_recently,"
            + "   "
            + FIRST_REVIEW
            + " as reviewed_at, "
            + MEDICAL_STARTED
            + " as medical_at"
            + "   from renewal_case c left join medical_opinion o on o.case_id = c.id left join decision d on d.case_id = c.id"
            + "   where c.department = ? and (c.deposited_at >= ? or c.closed_at >= ?))"
            + " select series, days, count(*) as n from ("
            + " select 'REVIEW' as series, "
            + days("deposited_at", "reviewed_at")
            + " as days from t where filed_recently = 1"
            + " union all"
            + " select 'MEDICAL', "
            + days("medical_at", "recorded_at")
            + " from t where filed_recently = 1"
            + " union all"
            + " select 'DECISION', "
            + days("recorded_at", "decided_at")
            + " from t where closed_recently = 1"
            + " union all"
            + " select 'TOTAL', "
            + days("deposited_at", "decided_at")
            + " from t where closed_recently = 1"
            + " union all"
            + " select 'MEDICAL_TO_DECISION', "
            + days("medical_at", "decided_at")
            + " from t where closed_recently = 1"
            + " union all"
            + " select 'COMPLEMENT', "
            + days("q.requested_at", "q.answered_at")
            + "   from renewal_case c join complement_request q on q.case_id = c.id"
            + "   where c.department = ? and c.deposited_at >= ? and q.answered_at is not null"
            + ") s where days is not null group by series, days";
    Object[] parameters = {from, from, department, from, from, department, from};
    Map<Series, Map<Integer, Long>> histograms = new EnumMap<>(Series.class);
    for (Series series : Series.values()) {
      histograms.put(series, new HashMap<>());
    }
    jdbc.query(
        sql,
        row -> {
          histograms
              .get(Series.valueOf(row.getString(1)))
              .merge(row.getInt(2), row.getLong(3), Long::sum);
        },
        parameters);
    Map<Series, DurationDistribution> distributions = new EnumMap<>(Series.class);
    histograms.forEach(
        (series, histogram) -> distributions.put(series, DurationDistribution.of(histogram)));
    return distributions;
  }

  /** A deadline of the coming days: an engine timer of one of the département's cases. */
  record Deadline(String requestNumber, String timerId, Instant due) {

    String label() {
      return DEADLINE_TIMERS.get(timerId);
    }
  }

  /** The deadline timers due in [from, to[, soonest first, at most {@code limit}. */
  List<Deadline> deadlines(String department, Instant from, Instant to, int limit) {
    return jdbc.query(
        "select c.request_number, jd.ACT_ID_, j.DUEDATE_ from ACT_RU_JOB j"
            + " join ACT_RU_JOBDEF jd on jd.ID_ = j.JOB_DEF_ID_"
            + " join renewal_case c on c.process_instance_id = j.PROCESS_INSTANCE_ID_"
            + " where j.TYPE_ = 'timer' and j.DUEDATE_ >= ? and j.DUEDATE_ < ? and c.department = ?"
            + " and jd.ACT_ID_ in ("
            + quoted(DEADLINE_TIMERS.keySet())
            + ")"
            + " order by j.DUEDATE_, c.request_number fetch first "
            + limit
            + " rows only",
        (row, i) ->
            new Deadline(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
        Timestamp.from(from),
        Timestamp.from(to),
        department);
  }

  /** An open case and the milestones it reached. */
  record OpenCase(String requestNumber, CaseStatus status, Milestones milestones) {}

  /**
   * The département's open cases, oldest dépôt first. The avis is read per case by its key (a
   * scalar subquery): as a join, PostgreSQL hashed every avis of the country for the préfecture's
   * few hundred open cases (17–28 ms for Paris at 110 000 cases, growing with the closed cases of
   * the whole country; 4–7 ms this way, ADR 0042).
   */
  List<OpenCase> openCases(String department) {
    return jdbc.query(
        "select c.request_number, c.status, c.deposited_at, "
            + MEDICAL_STARTED
            + ", (select o.recorded_at from medical_opinion o where o.case_id = c.id)"
            + " from renewal_case c"
            + " where c.department = ? and c.status in ("
            + names(OPEN)
            + ") and c.deposited_at is not null"
            + " order by c.deposited_at, c.request_number",
        (row, i) ->
            new OpenCase(
                row.getString(1),
                CaseStatus.valueOf(row.getString(2)),
                new Milestones(instant(row, 3), instant(row, 4), instant(row, 5))),
        department);
  }

  /**
   * The département's cases decided (favourable or refused) and closed since {@code since}, newest
   * last.
   */
  List<DecidedCase> decidedCases(String department, Instant since, int limit) {
    List<DecidedCase> newestFirst =
        jdbc.query(
            "select c.deposited_at, "
                + MEDICAL_STARTED
                + ", o.recorded_at,"
                + " d.decided_at from renewal_case c join decision d on d.case_id = c.id"
                + " left join medical_opinion o on o.case_id = c.id"
                + " where c.department = ? and c.closed_at >= ? and c.deposited_at is not null"
                + " order by d.decided_at desc fetch first "
                + limit
                + " rows only",
            (row, i) ->
                new DecidedCase(
                    new Milestones(instant(row, 1), instant(row, 2), instant(row, 3)),
                    instant(row, 4)),
            department,
            Timestamp.from(since));
    List<DecidedCase> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** Whole days (floor) from one instant to another, in SQL both H2 and PostgreSQL run. */
  static String days(String from, String to) {
    return "cast(floor((extract(epoch from "
        + to
        + ") - extract(epoch from "
        + from
        + ")) / 86400) as integer)";
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String names(List<CaseStatus> statuses) {
    return quoted(statuses.stream().map(Enum::name).toList());
  }

  private static String quoted(java.util.Collection<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }

  private static Map<String, String> deadlineTimers() {
    Map<String, String> timers = new LinkedHashMap<>();
    timers.put(
        ProcedureTimers.COMPLEMENT_UNREAD, "Relance : demande de complément non lue (15 jours)");
    timers.put(
        ProcedureTimers.COMPLEMENT_REPLY, "Fin du délai de réponse au complément (30 jours)");
    timers.put(
        ProcedureTimers.CERTIFICATE_DELIVERY, "Certificat médical attendu par l'OFII (un mois)");
    timers.put(RenewalProcess.TIMER_PROLONGATION_START, "Première attestation de prolongation due");
    timers.put(ProcedureTimers.PROLONGATION_VALIDITY, "Attestation de prolongation suivante due");
    timers.put(
        RenewalProcess.TIMER_IMPLICIT_REJECTION,
        "4 mois après le dépôt (décision implicite de rejet)");
    return Collections.unmodifiableMap(timers);
  }
}
