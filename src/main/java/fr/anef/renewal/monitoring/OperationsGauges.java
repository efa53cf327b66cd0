package fr.anef.renewal.monitoring;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.prefecture.Prefecture;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.shared.ActorGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the shared database at most every {@value #TTL_SECONDS} s, whatever the scrape
 * rate: one snapshot of a handful of counting queries (the engine's own queries, run without a
 * user, hence without authorization checks; a GROUP BY on {@code renewal_case}).
 */
@Component
class OperationsGauges {

  static final long TTL_SECONDS = 30;

  /** The queues of Tasklist's filters. */
  static final List<String> QUEUES =
      List.of(ActorGroups.PREFECTURE_AGENTS, ActorGroups.OFII_DOCTORS, ActorGroups.OFII_COLLEGE);

  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Snapshot snapshot;

  OperationsGauges(
      ManagementService management,
      RuntimeService runtime,
      TaskService tasks,
      JdbcTemplate jdbc,
      Clock clock,
      MeterRegistry meters) {
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.clock = clock;
    gauge(
        meters, "anef.jobs.due", "Jobs du moteur exécutables maintenant", Map.of(), s -> s.jobsDue);
    gauge(
        meters,
        "anef.jobs.failed",
        "Jobs en échec sans nouvel essai (incident)",
        Map.of(),
        s -> s.jobsFailed);
    gauge(meters, "anef.jobs.locked", "Jobs verrouillés par un nœud", Map.of(), s -> s.jobsLocked);
    gauge(meters, "anef.incidents", "Incidents ouverts (Cockpit)", Map.of(), s -> s.incidents);
    for (String status : Arrays.stream(CaseStatus.values()).map(Enum::name).toList()) {
      gauge(
          meters,
          "anef.cases",
          "Demandes par statut",
          Map.of("status", status),
          s -> s.casesByStatus.getOrDefault(status, 0L));
    }
    for (String queue : QUEUES) {
      gauge(
          meters,
          "anef.tasks.waiting",
          "Tâches en attente par file",
          Map.of("queue", queue),
          s -> s.tasksByQueue.getOrDefault(queue, 0L));
    }
    for (int days : new int[] {1, 7}) {
      gauge(
          meters,
          "anef.deadlines.due",
          "Échéances (minuteries : délais de complément, relances, avis) dans les jours à venir",
          Map.of("within", days + "d"),
          s -> days == 1 ? s.timersWithinOneDay : s.timersWithinSevenDays);
    }
  }

  private void gauge(
      MeterRegistry meters,
      String name,
      String description,
      Map<String, String> tags,
      ToDoubleFunction<Snapshot> value) {
    Gauge.Builder<OperationsGauges> builder =
        Gauge.builder(name, this, g -> value.applyAsDouble(g.current())).description(description);
    tags.forEach(builder::tag);
    builder.register(meters);
  }

  Snapshot current() {
    Snapshot last = snapshot;
    Instant now = Instant.now();
    if (last == null || last.at.plusSeconds(TTL_SECONDS).isBefore(now)) {
      synchronized (this) {
        if (snapshot == last) {
          snapshot = read(now);
        }
      }
    }
    return snapshot;
  }

  private Snapshot read(Instant at) {
    Instant now = clock.instant();
    Map<String, Long> cases = new HashMap<>();
    jdbc.query(
        "select status, count(*) from renewal_case group by status",
        row -> {
          cases.put(row.getString(1), row.getLong(2));
        });
    Map<String, Long> queues = new HashMap<>();
    for (String queue : QUEUES) {
      // The préfecture agents' queue: the tasks offered to any préfecture's scope group (ADR 0016),
      // nationally.
      List<String> groups =
          queue.equals(ActorGroups.PREFECTURE_AGENTS)
              ? java.util.stream.Stream.concat(
                      java.util.stream.Stream.of(queue),
                      Prefectures.all().stream().map(Prefecture::group))
                  .toList()
              : List.of(queue);
      queues.put(
          queue,
          tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().count());
    }
    Long locked =
        jdbc.queryForObject(
            "select count(*) from ACT_RU_JOB where LOCK_EXP_TIME_ > ?",
            Long.class,
            Timestamp.from(now));
    return new Snapshot(
        at,
        management.createJobQuery().executable().count(),
        management.createJobQuery().noRetriesLeft().count(),
        locked == null ? 0 : locked,
        runtime.createIncidentQuery().count(),
        cases,
        queues,
        management
            .createJobQuery()
            .timers()
            .duedateLowerThan(java.util.Date.from(now.plus(Duration.ofDays(1))))
            .count(),
        management
            .createJobQuery()
            .timers()
            .duedateLowerThan(java.util.Date.from(now.plus(Duration.ofDays(7))))
            .count());
  }

  record Snapshot(
      Instant at,
      long jobsDue,
      long jobsFailed,
      long jobsLocked,
      long incidents,
      Map<String, Long> casesByStatus,
      Map<String, Long> tasksByQueue,
      long timersWithinOneDay,
      long timersWithinSevenDays) {}
}
