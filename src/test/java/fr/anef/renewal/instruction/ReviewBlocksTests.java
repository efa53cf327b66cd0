package fr.anef.renewal.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.anef.renewal.documents.DocumentRequirement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which block of « Examiner les pièces justificatives » shows which required document (ADR 0023).
 */
class ReviewBlocksTests {

  static DocumentRequirement document(String code, int position) {
    return new DocumentRequirement(
        code, "INFORMATIONS PERSONNELLES", "Libellé " + code, "", 3, position);
  }

  @Test
  @DisplayName(
      "Un justificatif du DMN livré garde son bloc nommé ; un justificatif ajouté prend le bloc numéroté suivant, dans l'ordre du DMN")
  void namedBlocksFirstThenNumberedInOrder() {
    assertThat(
            DocumentReviews.blocks(
                List.of(
                    document("NATIONALITY", 10),
                    document("HEALTH_INSURANCE", 15),
                    document("HOME_PROOF", 40),
                    document("TAX_NOTICE", 50))))
        .containsExactly(
            java.util.Map.entry("NATIONALITY", "NATIONALITY"),
            java.util.Map.entry("HEALTH_INSURANCE", "slot1"),
            java.util.Map.entry("HOME_PROOF", "HOME_PROOF"),
            java.util.Map.entry("TAX_NOTICE", "slot2"));
  }

  @Test
  @DisplayName(
      "Un sixième justificatif ajouté : la tâche n'est pas créée, l'incident dit quel bloc ajouter")
  void moreAddedDocumentsThanBlocksIsAnIncident() {
    List<DocumentRequirement> added =
        IntStream.rangeClosed(1, InstructionForms.ReviewApplication.SLOTS + 1)
            .mapToObj(i -> document("ADDED_" + i, i))
            .toList();
    assertThatThrownBy(() -> DocumentReviews.blocks(added))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Le formulaire review-application a 5 blocs pour les justificatifs ajoutés au DMN : ajoutez-en un "
                + "pour « Libellé ADDED_6 » (ADDED_6).");
  }
}
