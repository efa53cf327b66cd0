package fr.anef.renewal.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN « required-documents » (dmn/required-documents.dmn as packaged), row by row. */
class RequiredDocumentsDecisionTests {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model =
        RequiredDocumentsDecisionTests.class.getResourceAsStream(
            "/processes/required-documents.dmn")) {
      decision = dmn.parseDecision(RequiredDocuments.DECISION_KEY, model);
    }
  }

  static DmnDecisionResult evaluate(String housing, boolean holdsTitle) {
    return dmn.evaluateDecision(
        decision, Map.of("housingType", housing, "holdsResidencePermit", holdsTitle));
  }

  @ParameterizedTest(name = "{0}, titre : {1} → {2}")
  @CsvSource({
    "OWN,          true,  'NATIONALITY,HOME_PROOF,HABITUAL_RESIDENCE'",
    "HOTEL,        true,  'NATIONALITY,HOME_PROOF,HABITUAL_RESIDENCE'",
    "PRIVATE_HOST, true,  'NATIONALITY,HOME_PROOF,HABITUAL_RESIDENCE'",
    "OWN,          false, 'NATIONALITY,IDENTITY,REGULAR_ENTRY,HOME_PROOF,HABITUAL_RESIDENCE'",
    "HOTEL,        false, 'NATIONALITY,IDENTITY,REGULAR_ENTRY,HOME_PROOF,HABITUAL_RESIDENCE'",
    "PRIVATE_HOST, false, 'NATIONALITY,IDENTITY,REGULAR_ENTRY,HOME_PROOF,HABITUAL_RESIDENCE'"
  })
  @DisplayName("Les justificatifs demandés selon l'hébergement et la détention d'un titre")
  void documentsPerSituation(String housing, boolean holdsTitle, String expectedCodes) {
    List<String> codes =
        evaluate(housing, holdsTitle).stream()
            .sorted(java.util.Comparator.comparing(r -> r.<Number>getEntry("position").intValue()))
            .map(r -> r.<String>getEntry("documentCode"))
            .toList();
    assertThat(codes).containsExactly(expectedCodes.split(","));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "OWN,          facture d'électricité",
    "HOTEL,        attestation de l'hôtelier",
    "PRIVATE_HOST, attestation de l'hébergeant datée et signée"
  })
  @DisplayName("Le justificatif de domicile dépend du type d'hébergement")
  void homeProofGuidancePerHousing(String housing, String guidance) {
    assertThat(
            evaluate(housing, true).stream()
                .filter(r -> "HOME_PROOF".equals(r.getEntry("documentCode"))))
        .singleElement()
        .satisfies(r -> assertThat(r.<String>getEntry("guidance")).contains(guidance));
  }

  @ParameterizedTest(name = "titre : {0}")
  @CsvSource({"true", "false"})
  @DisplayName(
      "3 fichiers par justificatif, 6 pour la résidence habituelle, et un libellé français pour chacun")
  void maxFilesAndLabels(boolean holdsTitle) {
    assertThat(
            evaluate("OWN", holdsTitle).stream()
                .map(
                    r ->
                        tuple(
                            r.<String>getEntry("documentCode"),
                            r.<Number>getEntry("maxFiles").intValue())))
        .allSatisfy(
            t ->
                assertThat(t.toList().get(1))
                    .isEqualTo("HABITUAL_RESIDENCE".equals(t.toList().get(0)) ? 6 : 3));
    assertThat(evaluate("OWN", holdsTitle).stream().map(r -> r.<String>getEntry("label")))
        .allSatisfy(label -> assertThat(label).startsWith("Justificatif"));
  }
}
