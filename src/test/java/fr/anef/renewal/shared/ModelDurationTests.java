package fr.anef.renewal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The procedure's durations as the models write them: the engine's reading, the French wording. */
class ModelDurationTests {

  @ParameterizedTest(name = "{0} : {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "P30D | 30 jours | de 30 jours",
        "P15D | 15 jours | de 15 jours",
        "P1M | un mois | d'un mois",
        "P3M | 3 mois | de 3 mois",
        "P1Y | un an | d'un an",
        "P1M15D | un mois et 15 jours | d'un mois et 15 jours",
        "PT3M | 3 minutes | de 3 minutes",
        "P1DT2H | un jour et 2 heures | d'un jour et 2 heures"
      })
  @DisplayName("Une durée du modèle se dit en français, avec l'élision après « délai »")
  void saidInFrench(String iso, String french, String afterDe) {
    ModelDuration duration = ModelDuration.parse(iso, "« test »");
    assertThat(duration.inFrench()).isEqualTo(french);
    assertThat(duration.afterDe()).isEqualTo(afterDe);
  }

  @ParameterizedTest(name = "« {0} »")
  @ValueSource(
      strings = {"P30X", "30", "", "-P1D", "R3/P1D", "${deadlines.complementReply}", "P0D"})
  @DisplayName(
      "Une durée illisible, négative, nulle ou répétée est refusée en français, avec l'endroit où elle est écrite")
  void refused(String iso) {
    assertThatThrownBy(() -> ModelDuration.parse(iso, "« 30 jours sans réponse »"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("« 30 jours sans réponse »")
        .hasMessageContaining("n'est pas une durée ISO 8601 positive");
  }

  @Test
  @DisplayName(
      "La date d'échéance est celle du minuteur du moteur : un mois après le 31 janvier, c'est le dernier jour de février")
  void sameDateAsTheEnginesTimer() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    ZonedDateTime start = ZonedDateTime.of(2027, 1, 31, 10, 0, 0, 0, paris);
    assertThat(ModelDuration.parse("P1M", "test").after(start.toInstant()))
        .isEqualTo(ZonedDateTime.of(2027, 2, 28, 10, 0, 0, 0, paris).toInstant());
    assertThat(ModelDuration.parse("P30D", "test").after(start.toInstant()))
        .isEqualTo(start.plusDays(30).toInstant());
    assertThat(ModelDuration.parse("PT3M", "test").after(start.toInstant()))
        .isEqualTo(start.plusMinutes(3).toInstant());
  }
}
