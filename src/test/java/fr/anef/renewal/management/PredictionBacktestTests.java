package fr.anef.renewal.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.anef.renewal.management.DecisionForecast.Milestones;
import fr.anef.renewal.management.PredictionBacktest.DecidedCase;
import fr.anef.renewal.management.PredictionBacktest.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PredictionBacktestTests {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

  static Instant day(double days) {
    return START.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  static DecidedCase decided(double deposit, Double medical, Double opinion, double decision) {
    return new DecidedCase(
        new Milestones(
            day(deposit),
            medical == null ? null : day(medical),
            opinion == null ? null : day(opinion)),
        day(decision));
  }

  @Test
  @DisplayName(
      "Erreur moyenne calculée à la main : 10 demandes, les 2 plus récentes mises de côté et prévues au dépôt")
  void byHand() {
    List<DecidedCase> cases = new ArrayList<>();
    int[] durations = {100, 100, 100, 100, 100, 100, 100, 100};
    for (int i = 0; i < durations.length; i++) {
      cases.add(decided(i, null, null, i + durations[i]));
    }
    cases.add(decided(20, null, null, 20 + 110)); // predicted day 120: 10 days early
    cases.add(decided(30, null, null, 30 + 96)); // predicted day 130: 4 days late
    Result result = PredictionBacktest.run(cases, 0.2, PARIS);
    assertThat(result.heldOut()).isEqualTo(2);
    assertThat(result.predictions()).isEqualTo(2);
    assertThat(result.meanAbsoluteErrorDays()).isCloseTo(7.0, within(1e-9));
    assertThat(result.baselineMeanAbsoluteErrorDays()).isCloseTo(7.0, within(1e-9));
  }

  /**
   * A préfecture's year (seeded, so the figure is stable): review 3–25 days, 0 to 2 complement
   * rounds of 10–40 days, a medical phase of 45–130 days, a decision 2–25 days after the avis. The
   * README quotes this figure.
   */
  static List<DecidedCase> syntheticHistory(int cases, long seed) {
    Random random = new Random(seed);
    List<DecidedCase> history = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      double deposit = random.nextDouble() * 300;
      double review = 3 + random.nextDouble() * 22;
      int rounds = random.nextDouble() < 0.5 ? 0 : random.nextDouble() < 0.7 ? 1 : 2;
      double complements = 0;
      for (int r = 0; r < rounds; r++) {
        complements += 10 + random.nextDouble() * 30;
      }
      double medical = deposit + review + complements;
      double opinion = medical + 45 + random.nextDouble() * 85;
      double decision = opinion + 2 + random.nextDouble() * 23;
      history.add(decided(deposit, medical, opinion, decision));
    }
    return history;
  }

  @Test
  @DisplayName(
      "Sur un historique simulé de 1 000 demandes décidées, la prévision par étape se trompe moins que la seule médiane depuis le dépôt")
  void beatsTheMedianFromTheDeposit() {
    Result result = PredictionBacktest.run(syntheticHistory(1000, 42), 0.2, PARIS);
    System.out.printf(
        "Forecast backtest (synthetic, 1000 decided, 20%% held out): %d predictions, MAE %.1f days,"
            + " baseline %.1f days%n",
        result.predictions(),
        result.meanAbsoluteErrorDays(),
        result.baselineMeanAbsoluteErrorDays());
    assertThat(result.heldOut()).isEqualTo(200);
    assertThat(result.predictions()).isEqualTo(600);
    assertThat(result.meanAbsoluteErrorDays()).isLessThan(result.baselineMeanAbsoluteErrorDays());
  }
}
