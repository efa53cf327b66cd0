package fr.anef.renewal.management;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Durations in whole days (floor), as a histogram: how many samples took each number of days. The
 * database aggregates the samples into this histogram (GROUP BY days), so a préfecture's whole
 * history costs a few hundred rows at most; percentiles are read from it here.
 *
 * <p>Percentile rule: nearest rank. The p-th percentile of n samples is the smallest duration d
 * such that at least ⌈p·n⌉ samples are ≤ d (so the median of 1, 2, 3, 4 is 2, a duration some case
 * really took).
 */
final class DurationDistribution {

  static final DurationDistribution EMPTY = new DurationDistribution(new TreeMap<>());

  private final NavigableMap<Integer, Long> countByDays;
  private final long count;

  private DurationDistribution(NavigableMap<Integer, Long> countByDays) {
    this.countByDays = countByDays;
    this.count = countByDays.values().stream().mapToLong(Long::longValue).sum();
  }

  /** From a histogram; days below zero (clock corrections) and empty bins are left out. */
  static DurationDistribution of(Map<Integer, Long> countByDays) {
    TreeMap<Integer, Long> histogram = new TreeMap<>();
    countByDays.forEach(
        (days, n) -> {
          if (days != null && days >= 0 && n != null && n > 0) {
            histogram.merge(days, n, Long::sum);
          }
        });
    return new DurationDistribution(histogram);
  }

  /** From single samples (in days). */
  static DurationDistribution ofSamples(int... days) {
    TreeMap<Integer, Long> histogram = new TreeMap<>();
    for (int d : days) {
      histogram.merge(d, 1L, Long::sum);
    }
    return of(histogram);
  }

  long count() {
    return count;
  }

  /** The p-th percentile (0 &lt; p ≤ 1) by nearest rank; empty without samples. */
  OptionalInt percentile(double p) {
    return percentileOf(countByDays, count, p);
  }

  OptionalInt median() {
    return percentile(0.5);
  }

  OptionalInt p90() {
    return percentile(0.9);
  }

  /**
   * The median of the samples that lasted at least {@code elapsedDays}: how long such a case takes
   * in all, knowing it has already lasted that long. Empty when no sample lasted that long.
   */
  OptionalInt medianGivenAtLeast(int elapsedDays) {
    NavigableMap<Integer, Long> tail = countByDays.tailMap(Math.max(elapsedDays, 0), true);
    return percentileOf(tail, tail.values().stream().mapToLong(Long::longValue).sum(), 0.5);
  }

  private static OptionalInt percentileOf(NavigableMap<Integer, Long> histogram, long n, double p) {
    if (n == 0) {
      return OptionalInt.empty();
    }
    if (p <= 0 || p > 1) {
      throw new IllegalArgumentException("percentile outside ]0, 1]: " + p);
    }
    long rank = Math.max(1, (long) Math.ceil(p * n - 1e-9));
    long seen = 0;
    for (Map.Entry<Integer, Long> bin : histogram.entrySet()) {
      seen += bin.getValue();
      if (seen >= rank) {
        return OptionalInt.of(bin.getKey());
      }
    }
    return OptionalInt.of(histogram.lastKey());
  }
}
