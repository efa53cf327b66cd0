package fr.anef.renewal.management;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The predicted date of decision of an open case, from its préfecture's own history (ADR 0018).
 *
 * <p>Rule: take the latest milestone the case reached — the avis of the OFII received, else the
 * medical phase started, else the dépôt —, the time it has spent since (whole days, e), and the
 * durations from that milestone to the decision of the préfecture's decided cases. The prediction
 * is the milestone + the median of those durations that lasted at least e days (the median
 * conditional on the case's current stage and on the time it already spent there). With fewer than
 * {@value #MIN_SAMPLES} such decided cases, the previous milestone is used; with none lasting e
 * days or more, the case is later than all the history shows: no date, flagged.
 */
final class DecisionForecast {

  static final int MIN_SAMPLES = 5;

  enum Milestone {
    DEPOSIT("depuis le dépôt", Series.TOTAL),
    MEDICAL_PHASE("depuis la saisine de l'OFII", Series.MEDICAL_TO_DECISION),
    OPINION("depuis l'avis de l'OFII", Series.DECISION);

    final String label;
    final Series toDecision;

    Milestone(String label, Series toDecision) {
      this.label = label;
      this.toDecision = toDecision;
    }
  }

  /** What the forecast knows of a case: when it reached each milestone (null when not yet). */
  record Milestones(Instant deposited, Instant medicalPhaseStarted, Instant opinionReceived) {

    Instant at(Milestone milestone) {
      return switch (milestone) {
        case DEPOSIT -> deposited;
        case MEDICAL_PHASE -> medicalPhaseStarted;
        case OPINION -> opinionReceived;
      };
    }

    /** The milestones reached, latest first. */
    List<Milestone> reachedLatestFirst() {
      return java.util.stream.Stream.of(
              Milestone.OPINION, Milestone.MEDICAL_PHASE, Milestone.DEPOSIT)
          .filter(m -> at(m) != null)
          .toList();
    }
  }

  /**
   * @param date the predicted day of decision, or null when the case is already later than all its
   *     history
   * @param basis the milestone the prediction starts from
   * @param samples how many decided cases the prediction rests on
   */
  record Forecast(LocalDate date, Milestone basis, long samples) {

    boolean beyondHistory() {
      return date == null;
    }
  }

  private DecisionForecast() {}

  /** Empty when the préfecture has too little history for any milestone the case reached. */
  static Optional<Forecast> of(
      Milestones milestones, Map<Series, DurationDistribution> history, Instant now, ZoneId zone) {
    for (Milestone milestone : milestones.reachedLatestFirst()) {
      DurationDistribution toDecision =
          history.getOrDefault(milestone.toDecision, DurationDistribution.EMPTY);
      if (toDecision.count() < MIN_SAMPLES) {
        continue;
      }
      Instant anchor = milestones.at(milestone);
      int elapsed = (int) Math.max(0, Duration.between(anchor, now).toDays());
      OptionalInt total = toDecision.medianGivenAtLeast(elapsed);
      LocalDate date =
          total.isPresent()
              ? LocalDate.ofInstant(anchor.plus(Duration.ofDays(total.getAsInt())), zone)
              : null;
      return Optional.of(new Forecast(date, milestone, toDecision.count()));
    }
    return Optional.empty();
  }
}
