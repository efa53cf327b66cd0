package fr.anef.renewal.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Polls until a probe answers (the job executor works meanwhile); a case stuck 120 s fails the run.
 * The CPU the probes use (the driver's own queries, not the application's work) is counted apart,
 * per thread, so that CPU per case can leave it out.
 */
final class Waits {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final LongAdder probeCpuNanos = new LongAdder();

  private final long[] probeSql = new long[SqlCounts.FIELDS];

  long probeCpuNanos() {
    return probeCpuNanos.sum();
  }

  /** The SQL the probes sent (left out of the SQL per case, as their CPU is). */
  long[] probeSql() {
    synchronized (probeSql) {
      return probeSql.clone();
    }
  }

  private final long pollMillis;

  Waits(long pollMillis) {
    this.pollMillis = pollMillis;
  }

  <T> T until(String what, Supplier<T> probe) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      long[] sql = SqlCounts.current();
      long cpu = THREADS.getCurrentThreadCpuTime();
      T value = probe.get();
      probeCpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
      long[] delta = SqlCounts.minus(SqlCounts.current(), sql);
      synchronized (probeSql) {
        for (int i = 0; i < delta.length; i++) {
          probeSql[i] += delta[i];
        }
      }
      if (value != null) {
        return value;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("attente trop longue : " + what);
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
