package fr.anef.renewal.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.Refusal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Postal code → département → préfecture (CESEDA R. 431-20), and the scope groups of agents. */
class PrefecturesTests {

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Le code postal de la résidence désigne la préfecture compétente")
  @CsvSource(
      delimiter = ';',
      value = {
        "59000;59;Préfecture du Nord",
        "59100;59;Préfecture du Nord",
        "75001;75;Préfecture de police",
        "75004;75;Préfecture de police",
        "75116;75;Préfecture de police",
        "92100;92;Préfecture des Hauts-de-Seine",
        "93200;93;Préfecture de la Seine-Saint-Denis",
        "94000;94;Préfecture du Val-de-Marne",
        "13001;13;Préfecture des Bouches-du-Rhône",
        "01000;01;Préfecture de l'Ain",
        "95000;95;Préfecture du Val-d'Oise",
        "20000;2A;Préfecture de la Corse-du-Sud",
        "20090;2A;Préfecture de la Corse-du-Sud",
        "20137;2A;Préfecture de la Corse-du-Sud",
        "20200;2B;Préfecture de la Haute-Corse",
        "20600;2B;Préfecture de la Haute-Corse",
        "20620;2B;Préfecture de la Haute-Corse",
        "97110;971;Préfecture de la Guadeloupe",
        "97133;971;Préfecture de la Guadeloupe",
        "97150;971;Préfecture de la Guadeloupe",
        "97200;972;Préfecture de la Martinique",
        "97300;973;Préfecture de la Guyane",
        "97400;974;Préfecture de La Réunion",
        "97600;976;Préfecture de Mayotte"
      })
  void routesPostalCodes(String postalCode, String department, String name) {
    Prefecture prefecture = Prefectures.competentFor(postalCode);
    assertThat(prefecture.department()).isEqualTo(department);
    assertThat(prefecture.name()).isEqualTo(name);
    assertThat(prefecture.group()).isEqualTo("prefecture-" + department);
    assertThat(Prefectures.name(department)).isEqualTo(name);
  }

  @ParameterizedTest(name = "« {0} »")
  @DisplayName(
      "Monaco, le Pacifique, Saint-Pierre-et-Miquelon et les codes hors de France n'ont pas de préfecture de ce service")
  @ValueSource(strings = {"98000", "98800", "98714", "97500", "00100", "96000", "20700"})
  void refusesPostalCodesWithoutPrefecture(String postalCode) {
    assertThatThrownBy(() -> Prefectures.competentFor(postalCode))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("ne correspond à aucun département")
        .hasMessageContaining(postalCode);
  }

  @ParameterizedTest(name = "« {0} »")
  @DisplayName("Un code postal mal formé est refusé en français")
  @ValueSource(strings = {"", "7500", "750011", "ABCDE", "75 001", "2A000"})
  void refusesMalformedPostalCodes(String postalCode) {
    assertThatThrownBy(() -> Prefectures.competentFor(postalCode))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("n'est pas un code postal français");
    assertThatThrownBy(() -> Prefectures.competentFor(null)).isInstanceOf(Refusal.class);
  }

  @Test
  @DisplayName("La table compte les 101 départements, chacun une fois")
  void tableHoldsTheHundredAndOneDepartments() {
    assertThat(Prefectures.all()).hasSize(101);
    assertThat(Prefectures.all())
        .extracting(Prefecture::department)
        .doesNotHaveDuplicates()
        .contains("2A", "2B", "971", "972", "973", "974", "976")
        .doesNotContain("20", "975");
    assertThat(Prefectures.all())
        .filteredOn(p -> p.name().equals("Préfecture de police"))
        .singleElement()
        .extracting(Prefecture::department)
        .isEqualTo("75");
  }

  @Test
  @DisplayName("La préfecture d'un agent est son groupe prefecture-<département>, un seul")
  void agentScopeFromGroups() {
    assertThat(AgentScopes.departmentOf(List.of("prefecture-agents", "prefecture-59")))
        .contains("59");
    assertThat(AgentScopes.departmentOf(List.of("prefecture-managers", "prefecture-2A")))
        .contains("2A");
    assertThat(AgentScopes.departmentOf(List.of("prefecture-agents", "prefecture-971")))
        .contains("971");
    assertThat(AgentScopes.departmentOf(List.of("prefecture-agents"))).isEmpty();
    assertThat(
            AgentScopes.departmentOf(
                List.of("prefecture-agents", "prefecture-59", "prefecture-75")))
        .as("two préfectures: none")
        .isEmpty();
    assertThat(
            AgentScopes.departmentOf(List.of("prefecture-99", "prefecture-20", "prefecture-975")))
        .isEmpty();
    assertThat(ActorGroups.isPrefectureScope("prefecture-2B")).isTrue();
    assertThat(ActorGroups.isPrefectureScope("prefecture-agents")).isFalse();
  }
}
