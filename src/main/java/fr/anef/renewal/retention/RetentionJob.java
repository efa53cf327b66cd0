package fr.anef.renewal.retention;

import fr.anef.renewal.shared.ClusterLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly purge (ADR 0020). Every node schedules it; the first to take the lock {@link
 * ClusterLock#RETENTION} records the night in {@code cluster_lock.last_run} and purges, the others
 * find the night taken and do nothing. The purge itself runs after the lock, in short transactions
 * of one batch each.
 */
@Component
public class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  /** What one purge deleted: parents, each with all its children. */
  public record Report(
      int closedCases, int drafts, int medicalFiles, int sentMails, int accountTokens) {

    public int total() {
      return closedCases + drafts + medicalFiles + sentMails + accountTokens;
    }
  }

  private final RetentionPolicy policy;
  private final RetentionPurge purge;
  private final ClusterLock lock;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectProvider<MeterRegistry> meters;

  RetentionJob(
      RetentionPolicy policy,
      RetentionPurge purge,
      ClusterLock lock,
      JdbcTemplate jdbc,
      Clock clock,
      ObjectProvider<MeterRegistry> meters) {
    this.policy = policy;
    this.purge = purge;
    this.lock = lock;
    this.jdbc = jdbc;
    this.clock = clock;
    this.meters = meters;
  }

  @Scheduled(cron = "${anef.retention.cron:0 30 2 * * *}", zone = "Europe/Paris")
  public void nightly() {
    runOncePerNight();
  }

  /** Purges unless a node already did today (French legal date); empty when it did. */
  public Optional<Report> runOncePerNight() {
    LocalDate today = LocalDate.now(clock);
    boolean claimed =
        lock.exclusively(
            ClusterLock.RETENTION,
            () -> {
              OffsetDateTime lastRun =
                  jdbc.queryForObject(
                      "select last_run from cluster_lock where name = ?",
                      OffsetDateTime.class,
                      ClusterLock.RETENTION);
              if (lastRun != null
                  && lastRun.atZoneSameInstant(clock.getZone()).toLocalDate().equals(today)) {
                return false;
              }
              jdbc.update(
                  "update cluster_lock set last_run = ? where name = ?",
                  clock.instant().atOffset(ZoneOffset.UTC),
                  ClusterLock.RETENTION);
              return true;
            });
    if (!claimed) {
      LOG.info(
          "Conservation des données : la purge du {} a déjà été faite, rien à faire sur ce nœud.",
          today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      return Optional.empty();
    }
    return Optional.of(purge());
  }

  /** Deletes everything past its retention period, now. */
  public Report purge() {
    Report report =
        new Report(
            repeat("closed-case", policy.closedCases(), purge::closedCases),
            repeat("draft", policy.drafts(), purge::drafts),
            repeat("medical-file", policy.medicalFiles(), purge::medicalFiles),
            repeat("sent-mail", policy.sentMails(), purge::sentMails),
            repeat("account-token", policy.expiredTokens(), purge::accountTokens));
    LOG.info(
        "Conservation des données : {} demande(s) close(s) depuis plus de {}, {} brouillon(s) abandonné(s) ou sans "
            + "activité depuis plus de {}, {} dossier(s) médical(aux) clos depuis plus de {}, {} courriel(s) envoyé(s) depuis "
            + "plus de {}, {} lien(s) de compte expiré(s) depuis plus de {} : supprimés.",
        report.closedCases(),
        french(policy.closedCases()),
        report.drafts(),
        french(policy.drafts()),
        report.medicalFiles(),
        french(policy.medicalFiles()),
        report.sentMails(),
        french(policy.sentMails()),
        report.accountTokens(),
        french(policy.expiredTokens()));
    return report;
  }

  /** « 5 ans », « 1 an et 6 mois », « 30 jours ». */
  static String french(Period period) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() != 0) {
      parts.add(period.getYears() + (Math.abs(period.getYears()) == 1 ? " an" : " ans"));
    }
    if (period.getMonths() != 0) {
      parts.add(period.getMonths() + " mois");
    }
    if (period.getDays() != 0 || parts.isEmpty()) {
      parts.add(period.getDays() + (Math.abs(period.getDays()) == 1 ? " jour" : " jours"));
    }
    return String.join(" et ", parts);
  }

  /** Batches until one comes back short; the cutoff is fixed for the whole run. */
  private int repeat(String kind, Period period, BiFunction<Instant, Integer, Integer> batch) {
    Instant cutoff = policy.cutoff(period);
    int total = 0;
    int deleted;
    do {
      deleted = batch.apply(cutoff, policy.batchSize());
      total += deleted;
    } while (deleted == policy.batchSize());
    if (total > 0) {
      MeterRegistry registry = meters.getIfAvailable();
      if (registry != null) {
        Counter.builder("anef.retention.purged")
            .description("Lignes supprimées par la purge de conservation des données")
            .tag("kind", kind)
            .register(registry)
            .increment(total);
      }
    }
    return total;
  }
}
