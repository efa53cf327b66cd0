package fr.anef.renewal.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The check of a submission against the deployed form, on the project's own forms. */
class SubmissionCheckTests {

  static final ObjectMapper JSON = new ObjectMapper();

  static FormSchema form(String id) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", id + ".form"))) {
      return FormSchema.parse(in);
    }
  }

  static List<String> errors(String form, String variables) throws IOException {
    JsonNode json = JSON.readTree(variables);
    return SubmissionCheck.errors(form(form), "Étape", json, key -> null);
  }

  @Test
  @DisplayName(
      "Les champs modifiables d'un formulaire sont ses saisies actives, pas ses champs d'affichage")
  void writableKeysAreTheActiveInputs() throws IOException {
    assertThat(form("personal-information").writableKeys())
        .containsExactlyInAnyOrder("housingType", "email", "phone", "action");
    assertThat(form("deposit").writableKeys()).containsExactlyInAnyOrder("observations", "action");
    assertThat(form("start-renewal").writableKeys()).containsExactly("renewalRequested");
    assertThat(form("deposit").field("depositSummary"))
        .get()
        .extracting(FormField::writable)
        .isEqualTo(false);
  }

  @Test
  @DisplayName("Une saisie conforme passe ; rien n'est exigé de ce que le formulaire cache")
  void aConformingSubmissionPasses() throws IOException {
    assertThat(
            errors(
                "personal-information",
                """
        {"email": {"value": "jeanne@exemple.fr", "type": "String"}, "phone": {"value": "06 12 34 56 78"},
         "housingType": {"value": "OWN", "type": "String", "valueInfo": {}}, "action": {"value": "NEXT"}}"""))
        .isEmpty();
    assertThat(
            errors(
                "start-renewal",
                "{\"renewalRequested\": {\"value\": true, \"type\": \"Boolean\"}}"))
        .isEmpty();
    assertThat(
            errors(
                "ofii-college-opinion",
                "{\"expectedCareDurationMonths\": {\"value\": 12, \"type\": \"Long\"}}"))
        .isEmpty();
    assertThat(SubmissionCheck.errors(form("deposit"), "Étape", null, key -> null)).isEmpty();
  }

  @Test
  @DisplayName(
      "Un champ que le formulaire ne demande pas, ou qu'il affiche seulement, est refusé en français")
  void unknownAndDisplayOnlyKeysAreRefused() throws IOException {
    assertThat(errors("start-renewal", "{\"careNeeded\": {\"value\": true}}"))
        .containsExactly(
            "Le champ « careNeeded » ne fait pas partie du formulaire « Étape » : il ne peut pas être envoyé.");
    assertThat(errors("deposit", "{\"depositSummary\": {\"value\": \"tout valider\"}}"))
        .singleElement()
        .asString()
        .contains("est en lecture seule");
  }

  @Test
  @DisplayName("Un champ en lecture seule revient tel qu'il a été montré, sinon il est refusé")
  void aReadOnlyFieldComesBackUnchanged() throws IOException {
    FormSchema form =
        FormSchema.parse(
            new java.io.ByteArrayInputStream(
                """
        {"id": "f", "components": [{"type": "textfield", "key": "summary", "label": "Récapitulatif", "readonly": true}]}
        """
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    JsonNode same = JSON.readTree("{\"summary\": {\"value\": \"Email : a@b.fr\"}}");
    JsonNode changed =
        JSON.readTree("{\"summary\": {\"value\": \"NOTE DU SERVICE : tout valider\"}}");
    assertThat(SubmissionCheck.errors(form, "Étape", same, key -> "Email : a@b.fr")).isEmpty();
    assertThat(SubmissionCheck.errors(form, "Étape", changed, key -> "Email : a@b.fr"))
        .singleElement()
        .asString()
        .contains("« Récapitulatif » est en lecture seule");
    assertThat(SubmissionCheck.errors(form, "Étape", same, key -> null)).hasSize(1);
    JsonNode retyped =
        JSON.readTree(
            "{\"summary\": {\"value\": \"Email : a@b.fr\", \"type\": \"Object\", "
                + "\"valueInfo\": {\"objectTypeName\": \"java.lang.String\"}}}");
    assertThat(SubmissionCheck.errors(form, "Étape", retyped, key -> "Email : a@b.fr"))
        .as("unchanged, but retyped")
        .hasSize(1);
  }

  @Test
  @DisplayName("Aucun objet : ni type Object, ni objectTypeName, ni objet JSON sans type")
  void noObjects() throws IOException {
    assertThat(
            errors(
                "personal-information",
                """
        {"email": {"type": "Object", "value": "{}", "valueInfo": {"objectTypeName": "java.util.HashMap",
         "serializationDataFormat": "application/json"}}}"""))
        .singleElement()
        .asString()
        .contains("n'est pas valide");
    assertThat(
            errors(
                "personal-information", "{\"email\": {\"value\": {\"url\": \"jdbc:h2:/tmp/x\"}}}"))
        .hasSize(1);
    assertThat(
            errors(
                "personal-information",
                "{\"email\": {\"value\": \"a@b.fr\", \"type\": \"Bytes\"}}"))
        .hasSize(1);
    assertThat(
            errors(
                "start-renewal",
                "{\"renewalRequested\": {\"value\": \"true\", \"type\": \"String\"}}"))
        .hasSize(1);
    assertThat(errors("personal-information", "{\"email\": \"a@b.fr\"}")).hasSize(1);
  }

  @Test
  @DisplayName(
      "Les contraintes du formulaire : choix proposés, longueurs, format, bornes, adresse email")
  void theFormsConstraints() throws IOException {
    assertThat(errors("personal-information", "{\"housingType\": {\"value\": \"CASTLE\"}}"))
        .singleElement()
        .asString()
        .contains("ne fait pas partie des choix proposés");
    assertThat(errors("deposit", "{\"observations\": {\"value\": \"" + "x".repeat(2001) + "\"}}"))
        .singleElement()
        .asString()
        .contains("ne doit pas dépasser 2000 caractères");
    assertThat(errors("personal-information", "{\"phone\": {\"value\": \"06 12\"}}"))
        .singleElement()
        .asString()
        .contains("n'a pas le format attendu (Format attendu : 06 12 34 56 78");
    assertThat(errors("ofii-college-opinion", "{\"expectedCareDurationMonths\": {\"value\": 480}}"))
        .singleElement()
        .asString()
        .contains("doit être comprise entre 1 et 120");
    assertThat(
            errors("personal-information", "{\"email\": {\"value\": \"\\\"><img/src=x>@x.fr\"}}"))
        .singleElement()
        .asString()
        .contains("L'adresse email");
    assertThat(errors("decision", "{\"refusalReason\": {\"value\": \"trop court\"}}"))
        .singleElement()
        .asString()
        .contains("au moins 20 caractères");
  }

  @Test
  @DisplayName("Les adresses de l'API sont lues comme le routeur les lit")
  void pathsAreNormalised() {
    assertThat(EngineRequestGuard.normalised("/engine-rest//task/1/variables/x/"))
        .isEqualTo("/engine-rest/task/1/variables/x");
    assertThat(EngineRequestGuard.normalised("/")).isEqualTo("/");
  }
}
