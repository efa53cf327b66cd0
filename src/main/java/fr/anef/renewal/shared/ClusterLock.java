package fr.anef.renewal.shared;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work one node at a time: the caller's work runs in one transaction that first takes a row of
 * {@code cluster_lock}; another node asking for the same lock waits until that transaction ends,
 * then runs its own work and finds what the first one did. Engine commands run inside join the
 * transaction (the engine's Spring integration), so their check-then-create steps cannot race.
 */
@Component
public class ClusterLock {

  /** The start-up set-up: groups, grants, filters, the first administrator, demo data. */
  public static final String START_UP = "start-up";

  /** The nightly retention purge. */
  public static final String RETENTION = "retention";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  ClusterLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Runs {@code work} holding the lock {@code name}, and returns its result. */
  public <T> T exclusively(String name, Supplier<T> work) {
    return transaction.execute(
        status -> {
          jdbc.queryForObject(
              "select name from cluster_lock where name = ? for update", String.class, name);
          return work.get();
        });
  }

  /** Runs {@code work} holding the lock {@code name}. */
  public void exclusively(String name, Runnable work) {
    exclusively(
        name,
        () -> {
          work.run();
          return null;
        });
  }
}
