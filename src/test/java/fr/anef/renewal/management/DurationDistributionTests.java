package fr.anef.renewal.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DurationDistributionTests {

  @Test
  @DisplayName(
      "Médiane et 90e centile au rang le plus proche : une durée qu'un dossier a réellement prise")
  void nearestRank() {
    assertThat(DurationDistribution.ofSamples(1, 2, 3, 4).median()).hasValue(2);
    assertThat(DurationDistribution.ofSamples(4, 1, 3).median()).hasValue(3);
    assertThat(DurationDistribution.ofSamples(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).p90()).hasValue(9);
    assertThat(DurationDistribution.ofSamples(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).p90())
        .hasValue(10);
    assertThat(DurationDistribution.ofSamples(7).p90()).hasValue(7);
    assertThat(DurationDistribution.ofSamples(5, 6).percentile(1.0)).hasValue(6);
  }

  @Test
  @DisplayName(
      "L'histogramme de la base (jours → nombre de dossiers) donne les mêmes centiles que les dossiers un à un")
  void histogramEqualsSamples() {
    DurationDistribution histogram = DurationDistribution.of(Map.of(10, 3L, 20, 5L, 90, 2L));
    DurationDistribution samples =
        DurationDistribution.ofSamples(10, 10, 10, 20, 20, 20, 20, 20, 90, 90);
    assertThat(histogram.count()).isEqualTo(10);
    assertThat(histogram.median()).isEqualTo(samples.median()).hasValue(20);
    assertThat(histogram.p90()).isEqualTo(samples.p90()).hasValue(90);
    assertThat(histogram.percentile(0.3)).hasValue(10);
    assertThat(histogram.percentile(0.31)).hasValue(20);
  }

  @Test
  @DisplayName(
      "Sans dossier, pas de chiffre ; les durées négatives (horloge corrigée) sont écartées")
  void emptyAndNegative() {
    assertThat(DurationDistribution.EMPTY.median()).isEqualTo(OptionalInt.empty());
    assertThat(DurationDistribution.of(Map.of(-1, 4L, 3, 1L)).count()).isEqualTo(1);
    assertThatThrownBy(() -> DurationDistribution.ofSamples(1).percentile(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "La médiane sachant la durée déjà écoulée ne retient que les dossiers qui ont duré au moins autant")
  void conditionalMedian() {
    DurationDistribution d = DurationDistribution.ofSamples(10, 20, 30, 40, 100);
    assertThat(d.medianGivenAtLeast(0)).hasValue(30);
    assertThat(d.medianGivenAtLeast(25)).hasValue(40);
    assertThat(d.medianGivenAtLeast(40)).hasValue(40);
    assertThat(d.medianGivenAtLeast(41)).hasValue(100);
    assertThat(d.medianGivenAtLeast(101)).isEmpty();
  }
}
