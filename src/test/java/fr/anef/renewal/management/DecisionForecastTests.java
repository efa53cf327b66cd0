package fr.anef.renewal.management;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.management.DecisionForecast.Forecast;
import fr.anef.renewal.management.DecisionForecast.Milestone;
import fr.anef.renewal.management.DecisionForecast.Milestones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecisionForecastTests {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant DEPOSIT = LocalDate.of(2026, 9, 1).atTime(10, 0).atZone(PARIS).toInstant();

  static Instant day(int days) {
    return DEPOSIT.plus(Duration.ofDays(days));
  }

  static LocalDate date(int days) {
    return LocalDate.ofInstant(day(days), PARIS);
  }

  final Map<Series, DurationDistribution> history =
      Map.of(
          Series.TOTAL, DurationDistribution.ofSamples(60, 90, 100, 110, 120, 200),
          Series.MEDICAL_TO_DECISION, DurationDistribution.ofSamples(50, 60, 70, 80, 90),
          Series.DECISION, DurationDistribution.ofSamples(5, 10, 15));

  @Test
  @DisplayName("Une demande tout juste déposée : dépôt + durée médiane du dépôt à la décision")
  void fromTheDeposit() {
    Optional<Forecast> forecast =
        DecisionForecast.of(new Milestones(day(0), null, null), history, day(0), PARIS);
    assertThat(forecast)
        .hasValueSatisfying(
            f -> {
              assertThat(f.basis()).isEqualTo(Milestone.DEPOSIT);
              assertThat(f.date()).isEqualTo(date(100));
              assertThat(f.samples()).isEqualTo(6);
            });
  }

  @Test
  @DisplayName(
      "Le temps déjà passé compte : 105 jours après le dépôt, la médiane des demandes qui ont duré au moins 105 jours")
  void conditionalOnTheTimeSpent() {
    assertThat(DecisionForecast.of(new Milestones(day(0), null, null), history, day(105), PARIS))
        .hasValueSatisfying(f -> assertThat(f.date()).isEqualTo(date(120)));
  }

  @Test
  @DisplayName(
      "Saisine de l'OFII faite : la prévision part de la saisine et de la durée qui la suit")
  void fromTheMedicalPhase() {
    assertThat(DecisionForecast.of(new Milestones(day(0), day(20), null), history, day(30), PARIS))
        .hasValueSatisfying(
            f -> {
              assertThat(f.basis()).isEqualTo(Milestone.MEDICAL_PHASE);
              assertThat(f.date()).isEqualTo(date(20 + 70));
            });
  }

  @Test
  @DisplayName(
      "Trop peu d'avis suivis d'une décision (moins de 5) : la prévision repart de l'étape précédente")
  void tooFewFallsBack() {
    assertThat(
            DecisionForecast.of(new Milestones(day(0), day(20), day(80)), history, day(80), PARIS))
        .hasValueSatisfying(
            f -> {
              assertThat(f.basis()).isEqualTo(Milestone.MEDICAL_PHASE);
              assertThat(f.date()).isEqualTo(date(20 + 70));
            });
  }

  @Test
  @DisplayName(
      "Plus longue que toutes les demandes décidées : pas de date, la demande est signalée")
  void beyondTheHistory() {
    assertThat(DecisionForecast.of(new Milestones(day(0), null, null), history, day(201), PARIS))
        .hasValueSatisfying(
            f -> {
              assertThat(f.beyondHistory()).isTrue();
              assertThat(ManagementDashboard.basis(Optional.of(f)))
                  .startsWith("Au-delà de toutes les durées connues");
            });
  }

  @Test
  @DisplayName("Une préfecture sans historique : pas de prévision, et le fondement le dit")
  void noHistory() {
    Optional<Forecast> none =
        DecisionForecast.of(new Milestones(day(0), null, null), Map.of(), day(1), PARIS);
    assertThat(none).isEmpty();
    assertThat(ManagementDashboard.basis(none)).startsWith("Historique insuffisant");
  }
}
