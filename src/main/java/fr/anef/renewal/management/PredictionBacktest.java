package fr.anef.renewal.management;

import fr.anef.renewal.management.DecisionForecast.Forecast;
import fr.anef.renewal.management.DecisionForecast.Milestone;
import fr.anef.renewal.management.DecisionForecast.Milestones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How wrong the {@link DecisionForecast} was on a préfecture's own decided cases: the cases are
 * ordered by their decision; the oldest {@code 1 - testShare} make the history, the newest {@code
 * testShare} are held out. Each held-out case is predicted at each milestone it reached, as the
 * forecast would have seen it the day it reached it; the error is the number of days between the
 * predicted and the actual day of decision. The baseline predicts « dépôt + median time from dépôt
 * to decision » whatever the stage (never before the day of the prediction).
 */
final class PredictionBacktest {

  /** A decided case: its milestones and the instant of its decision. */
  record DecidedCase(Milestones milestones, Instant decided) {}

  /**
   * @param heldOut the held-out decided cases
   * @param predictions the predictions made on them (one per milestone reached, with enough
   *     history)
   * @param meanAbsoluteErrorDays the forecast's mean absolute error, in days (NaN without
   *     prediction)
   * @param baselineMeanAbsoluteErrorDays the baseline's, on the same predictions
   */
  record Result(
      int heldOut,
      int predictions,
      double meanAbsoluteErrorDays,
      double baselineMeanAbsoluteErrorDays) {}

  private PredictionBacktest() {}

  static Result run(List<DecidedCase> decided, double testShare, ZoneId zone) {
    List<DecidedCase> byDecision =
        decided.stream().sorted(Comparator.comparing(DecidedCase::decided)).toList();
    int heldOut = (int) Math.ceil(byDecision.size() * testShare);
    List<DecidedCase> history = byDecision.subList(0, byDecision.size() - heldOut);
    List<DecidedCase> test = byDecision.subList(byDecision.size() - heldOut, byDecision.size());
    Map<Series, DurationDistribution> distributions = distributions(history);
    Optional<Integer> baselineDays =
        distributions.get(Series.TOTAL).count() == 0
            ? Optional.empty()
            : Optional.of(distributions.get(Series.TOTAL).median().getAsInt());

    List<Long> errors = new ArrayList<>();
    List<Long> baselineErrors = new ArrayList<>();
    for (DecidedCase c : test) {
      LocalDate actual = LocalDate.ofInstant(c.decided(), zone);
      for (Milestone milestone : c.milestones().reachedLatestFirst()) {
        Instant when = c.milestones().at(milestone);
        if (when.isAfter(c.decided())) {
          continue;
        }
        // The case as it was that day: only the milestones reached by then.
        Milestones seen =
            new Milestones(
                c.milestones().deposited(),
                before(c.milestones().medicalPhaseStarted(), when),
                before(c.milestones().opinionReceived(), when));
        Optional<Forecast> forecast = DecisionForecast.of(seen, distributions, when, zone);
        if (forecast.isEmpty() || forecast.get().beyondHistory() || baselineDays.isEmpty()) {
          continue;
        }
        errors.add(Math.abs(ChronoUnit.DAYS.between(forecast.get().date(), actual)));
        LocalDate baseline =
            LocalDate.ofInstant(
                c.milestones().deposited().plus(Duration.ofDays(baselineDays.get())), zone);
        LocalDate today = LocalDate.ofInstant(when, zone);
        baselineErrors.add(
            Math.abs(ChronoUnit.DAYS.between(baseline.isBefore(today) ? today : baseline, actual)));
      }
    }
    return new Result(test.size(), errors.size(), mean(errors), mean(baselineErrors));
  }

  /** The histograms the database would return for these decided cases (whole days, floor). */
  static Map<Series, DurationDistribution> distributions(List<DecidedCase> decided) {
    Map<Series, Map<Integer, Long>> histograms = new EnumMap<>(Series.class);
    for (Series series : List.of(Series.TOTAL, Series.MEDICAL_TO_DECISION, Series.DECISION)) {
      histograms.put(series, new HashMap<>());
    }
    for (DecidedCase c : decided) {
      add(histograms.get(Series.TOTAL), c.milestones().deposited(), c.decided());
      add(
          histograms.get(Series.MEDICAL_TO_DECISION),
          c.milestones().medicalPhaseStarted(),
          c.decided());
      add(histograms.get(Series.DECISION), c.milestones().opinionReceived(), c.decided());
    }
    Map<Series, DurationDistribution> distributions = new EnumMap<>(Series.class);
    histograms.forEach(
        (series, histogram) -> distributions.put(series, DurationDistribution.of(histogram)));
    return distributions;
  }

  private static void add(Map<Integer, Long> histogram, Instant from, Instant to) {
    if (from != null) {
      histogram.merge((int) Duration.between(from, to).toDays(), 1L, Long::sum);
    }
  }

  private static Instant before(Instant milestone, Instant when) {
    return milestone != null && !milestone.isAfter(when) ? milestone : null;
  }

  private static double mean(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
  }
}
