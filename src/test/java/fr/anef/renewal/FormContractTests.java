package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.anef.renewal.filing.FilingForms;
import fr.anef.renewal.instruction.InstructionForms;
import fr.anef.renewal.medical.OfiiForms;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.FormRecords;
import fr.anef.renewal.shared.FormVariables;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Camunda Form and the record the code reads it into name the same fields: a form edited in
 * Camunda Modeler that no longer matches the code (a field added, renamed, removed, made read-only)
 * fails here, not on a case.
 */
class FormContractTests {

  /** The form-js components that send a value. */
  static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist");

  static final Map<String, Class<? extends Record>> RECORDS =
      Map.ofEntries(
          Map.entry(FilingForms.StartRenewal.FORM, FilingForms.StartRenewal.class),
          Map.entry(FilingForms.PersonalInformation.FORM, FilingForms.PersonalInformation.class),
          Map.entry(FilingForms.ReasonForStay.FORM, FilingForms.ReasonForStay.class),
          Map.entry(FilingForms.SupportingDocuments.FORM, FilingForms.SupportingDocuments.class),
          Map.entry(FilingForms.Deposit.FORM, FilingForms.Deposit.class),
          Map.entry(
              InstructionForms.ReviewApplication.FORM, InstructionForms.ReviewApplication.class),
          Map.entry(
              InstructionForms.CertificateNotReceived.FORM,
              InstructionForms.CertificateNotReceived.class),
          Map.entry(InstructionForms.DecisionForm.FORM, InstructionForms.DecisionForm.class),
          Map.entry(OfiiForms.RegisterCertificate.FORM, OfiiForms.RegisterCertificate.class),
          Map.entry(OfiiForms.Report.FORM, OfiiForms.Report.class),
          Map.entry(OfiiForms.TreatingDoctorAnswer.FORM, OfiiForms.TreatingDoctorAnswer.class),
          Map.entry(OfiiForms.CollegeOpinion.FORM, OfiiForms.CollegeOpinion.class));

  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  /** The keys of the input components that are not disabled, in every group. */
  static Set<String> writableInputKeys(JsonNode components) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode component : components) {
      if (INPUT_TYPES.contains(component.path("type").asText())
          && !component.path("disabled").asBoolean(false)) {
        keys.add(component.path("key").asText());
      }
      if (component.has("components")) {
        keys.addAll(writableInputKeys(component.get("components")));
      }
    }
    return keys;
  }

  /**
   * The record's component names; the review form's map of documents expanded into its per-block
   * keys.
   */
  static Set<String> recordKeys(Class<? extends Record> type) {
    Set<String> keys = new TreeSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (type == InstructionForms.ReviewApplication.class
          && component.getName().equals("documents")) {
        InstructionForms.ReviewApplication.BLOCKS.forEach(
            code -> {
              keys.add(InstructionForms.ReviewApplication.verdictKey(code));
              keys.add(InstructionForms.ReviewApplication.observationKey(code));
            });
      } else {
        keys.add(component.getName());
      }
    }
    return keys;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("Les champs saisissables du formulaire sont exactement ceux que lit le code")
  void formMatchesItsRecord(Path form) throws IOException {
    JsonNode schema = JSON.readTree(form.toFile());
    String id = schema.path("id").asText();
    assertThat(form.getFileName().toString()).isEqualTo(id + ".form");
    Set<String> inputs = writableInputKeys(schema.path("components"));
    assertThat(inputs).as("le formulaire %s a des champs saisissables", id).isNotEmpty();
    assertThat(RECORDS).as("un record lit le formulaire %s", id).containsKey(id);
    assertThat(recordKeys(RECORDS.get(id))).as("champs du formulaire %s", id).isEqualTo(inputs);
  }

  /**
   * A display-only variable keeps no engine history (ADR 0040): if a form let an actor write one,
   * what that actor typed would leave no trace. Each is shown disabled, never an input.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("Aucun champ saisi par un acteur ne porte le nom d'une variable d'affichage")
  void noActorWritesADisplayOnlyVariable(Path form) throws IOException {
    Set<String> writable = writableInputKeys(JSON.readTree(form.toFile()).path("components"));

    assertThat(writable)
        .as("champs saisissables de %s", form)
        .doesNotContainAnyElementsOf(RenewalProcess.DISPLAY_ONLY_VARIABLES)
        .doesNotContainAnyElementsOf(OfiiMedicalOpinionProcess.DISPLAY_ONLY_VARIABLES)
        .noneMatch(key -> RenewalProcess.DISPLAY_ONLY_PREFIXES.stream().anyMatch(key::startsWith));
  }

  @Test
  @DisplayName(
      "Chaque record correspond à un formulaire de forms/ ; les formulaires déployés sont ceux de forms/")
  void everyRecordHasItsForm() throws IOException {
    List<String> ids;
    try (Stream<Path> files = forms()) {
      ids = files.map(p -> p.getFileName().toString().replace(".form", "")).toList();
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(RECORDS.keySet());
    for (String id : ids) {
      try (var deployed = getClass().getResourceAsStream("/processes/" + id + ".form")) {
        assertThat(deployed).as("processes/%s.form sur le classpath", id).isNotNull();
        assertThat(JSON.readTree(deployed))
            .isEqualTo(JSON.readTree(Path.of("forms", id + ".form").toFile()));
      }
    }
  }

  @Test
  @DisplayName("Le contrôle échoue bien sur un champ ajouté, retiré ou rendu non modifiable")
  void detectsDrift() throws IOException {
    JsonNode schema = JSON.readTree(Path.of("forms", "deposit.form").toFile());
    Set<String> inputs = writableInputKeys(schema.path("components"));
    assertThat(inputs)
        .isEqualTo(recordKeys(FilingForms.Deposit.class))
        .containsExactlyInAnyOrder("observations", "action");
    JsonNode edited =
        JSON.readTree(schema.toString().replace("\"key\":\"observations\"", "\"key\":\"remarks\""));
    assertThat(writableInputKeys(edited.path("components")))
        .isNotEqualTo(recordKeys(FilingForms.Deposit.class));
    JsonNode disabled =
        JSON.readTree(
            schema
                .toString()
                .replace("\"key\":\"observations\"", "\"key\":\"observations\",\"disabled\":true"));
    assertThat(writableInputKeys(disabled.path("components"))).containsExactly("action");
    assertThat(
            Arrays.stream(InstructionForms.ReviewApplication.class.getRecordComponents())
                .map(RecordComponent::getName))
        .containsExactly("documents", "privateNote");
  }

  /** Each writable input's form-js type, by key, in every group. */
  static Map<String, String> inputTypes(JsonNode components) {
    Map<String, String> types = new java.util.TreeMap<>();
    for (JsonNode component : components) {
      if (INPUT_TYPES.contains(component.path("type").asText())
          && !component.path("disabled").asBoolean(false)) {
        types.put(component.path("key").asText(), component.path("type").asText());
      }
      if (component.has("components")) {
        types.putAll(inputTypes(component.get("components")));
      }
    }
    return types;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName(
      "Chaque champ est lu selon son type : date pour un datetime, case à cocher, nombre, texte")
  void everyFieldIsReadAsItsTypeSays(Path form) throws IOException {
    JsonNode schema = JSON.readTree(form.toFile());
    Class<? extends Record> type = RECORDS.get(schema.path("id").asText());
    if (type == InstructionForms.ReviewApplication.class) {
      return; // its blocks are read by their own keys (ReviewBlocksTests)
    }
    Map<String, String> inputs = inputTypes(schema.path("components"));
    for (RecordComponent component : type.getRecordComponents()) {
      String formType = inputs.get(component.getName());
      String expected =
          switch (formType) {
            case "datetime" -> "date";
            case "checkbox" -> "Boolean";
            case "number" -> "Integer";
            default -> "String";
          };
      String read =
          component.isAnnotationPresent(FormRecords.Date.class)
              ? "date"
              : component.getType().getSimpleName();
      assertThat(read)
          .as("%s.%s (%s)", type.getSimpleName(), component.getName(), formType)
          .isEqualTo(expected);
    }
  }

  @Test
  @DisplayName(
      "Un formulaire est lu champ par champ : textes nettoyés, date envoyée en objet, case cochée, nombre")
  void aRecordIsReadFromItsVariables() {
    Map<String, Object> sent =
        Map.of(
            "maritalStatus",
            "  MARRIED ",
            "unionDate",
            java.util.Date.from(java.time.Instant.parse("2020-05-03T22:30:00Z")),
            "unionCountry",
            "   ",
            "attestationNoPolygamy",
            "true",
            "attestationPenalties",
            false,
            "ignored",
            "x");
    FilingForms.ReasonForStay read =
        FormRecords.read(FilingForms.ReasonForStay.class, FormVariables.of(sent));
    assertThat(read)
        .isEqualTo(
            new FilingForms.ReasonForStay(
                "MARRIED", "2020-05-04", null, null, null, true, false, null));
    assertThat(
            FormRecords.read(
                OfiiForms.CollegeOpinion.class,
                FormVariables.of(Map.of("expectedCareDurationMonths", "12", "careNeeded", "YES"))))
        .isEqualTo(new OfiiForms.CollegeOpinion("YES", null, null, null, 12));
    record Unreadable(java.time.LocalDate when) {}
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FormRecords.read(Unreadable.class, FormVariables.of(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("when");
  }
}
