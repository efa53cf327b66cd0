package fr.anef.renewal.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Latencies per kind of call, process CPU time and heap used, for one phase of the benchmark. */
final class Metrics {

  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, long[]> sql = new ConcurrentHashMap<>();

  <T> T time(String kind, Supplier<T> call) {
    long[] sqlBefore = SqlCounts.current();
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      latencies
          .computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>())
          .add(System.nanoTime() - start);
      long[] delta = SqlCounts.minus(SqlCounts.current(), sqlBefore);
      long[] sums = sql.computeIfAbsent(kind, k -> new long[SqlCounts.FIELDS]);
      synchronized (sums) {
        for (int i = 0; i < delta.length; i++) {
          sums[i] += delta[i];
        }
      }
    }
  }

  void time(String kind, Runnable call) {
    time(
        kind,
        () -> {
          call.run();
          return null;
        });
  }

  String latencyTable() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "  %-34s %7s %9s %9s %9s %9s%n",
                "call", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"));
    latencies.keySet().stream()
        .sorted()
        .forEach(
            kind -> {
              List<Long> values = new ArrayList<>(latencies.get(kind));
              Collections.sort(values);
              out.append(
                  String.format(
                      "  %-34s %7d %9.1f %9.1f %9.1f %9.1f%n",
                      kind,
                      values.size(),
                      pct(values, 50),
                      pct(values, 95),
                      pct(values, 99),
                      values.get(values.size() - 1) / 1e6));
            });
    return out.toString();
  }

  /**
   * The SQL of each kind of call, on average per call, sent by the calling thread (what the call
   * leaves to the job executor is in the phase's totals, not here).
   */
  String sqlTable() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "  %-34s %7s %s%n", "SQL par appel (moyenne)", "count", SqlCounts.header()));
    sql.keySet().stream()
        .sorted()
        .forEach(
            kind -> {
              int count = latencies.get(kind).size();
              long[] sums = sql.get(kind);
              synchronized (sums) {
                out.append(
                    String.format("  %-34s %7d %s%n", kind, count, SqlCounts.format(sums, count)));
              }
            });
    return out.toString();
  }

  static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  /** CPU time of this JVM, all threads, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Samples the heap used every 50 ms; {@link #peak()} is the highest value seen since {@link
   * #reset()}.
   */
  static final class HeapSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                  peak.accumulateAndGet(used, Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void reset() {
      peak.set(0);
    }

    long peak() {
      return peak.get();
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }

  /** Heap still used after a full collection: what the application really keeps. */
  static long liveHeapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String mb(long bytes) {
    return String.format("%.0f Mo", bytes / 1024.0 / 1024.0);
  }
}
