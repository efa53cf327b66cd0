package fr.anef.renewal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's checks of each step, whatever a browser or a REST client sends. */
class StepValidatorTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  static Map<String, Object> contact(String phone) {
    Map<String, Object> form = new HashMap<>(Map.of("email", "guideem@yopmail.com", "housingType", "OWN"));
    if (phone != null) {
      form.put("phone", phone);
    }
    return form;
  }

  @ParameterizedTest
  @ValueSource(strings = {"06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "+12025550123"})
  @DisplayName("Les numéros de téléphone français et internationaux sont acceptés")
  void validPhones(String phone) {
    assertThat(StepValidator.contact(contact(phone)).errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "06 12 34 56", "+33", "0012345678", "06 12 34 56 78 90 12 34", "téléphone"})
  @DisplayName("Un numéro de téléphone mal formé est refusé en français")
  void invalidPhones(String phone) {
    assertThat(StepValidator.contact(contact(phone)).errors())
        .containsExactly("Le numéro de téléphone n'est pas valide : saisissez un numéro français (06 12 34 56 78) "
            + "ou international (+33 6 12 34 56 78).");
  }

  @Test
  @DisplayName("Téléphone, email et hébergement manquants : un message pour chacun")
  void missingContact() {
    assertThat(StepValidator.contact(Map.of()).errors()).containsExactly("L'adresse email est obligatoire.",
        "Le numéro de téléphone est obligatoire.", "Le type d'hébergement est obligatoire.");
  }

  static Map<String, Object> family(String status) {
    Map<String, Object> form = new HashMap<>(Map.of("maritalStatus", status, "dependentChildren", "NO",
        "attestationNoPolygamy", true, "attestationPenalties", true));
    return form;
  }

  @Test
  @DisplayName("Marié(e) ou pacsé(e) : date et pays de l'union et enfants du conjoint sont obligatoires")
  void unionRequiresDateAndCountry() {
    assertThat(StepValidator.family(family("CIVIL_UNION"), TODAY).errors()).containsExactly(
        "La date de début de l'union est obligatoire.", "Le pays de l'union est obligatoire.",
        "Indiquez si vous avez des enfants à la charge de votre conjoint.");
  }

  @Test
  @DisplayName("La date de l'union ne peut pas être dans le futur")
  void unionDateNotInFuture() {
    Map<String, Object> form = family("MARRIED");
    form.putAll(Map.of("unionDate", "2026-11-29", "unionCountry", "France", "spouseChildren", "NO"));
    assertThat(StepValidator.family(form, TODAY).errors())
        .containsExactly("La date de début de l'union ne peut pas être dans le futur.");
    form.put("unionDate", "2026-11-28");
    assertThat(StepValidator.family(form, TODAY).value().unionDate()).isEqualTo(TODAY);
  }

  @Test
  @DisplayName("Célibataire : les champs de l'union restés en mémoire sont ignorés")
  void singleIgnoresUnionFields() {
    Map<String, Object> form = family("SINGLE");
    form.putAll(Map.of("unionDate", "2030-01-01", "unionCountry", "France"));
    var result = StepValidator.family(form, TODAY);
    assertThat(result.errors()).isEmpty();
    assertThat(result.value().unionDate()).isNull();
    assertThat(result.value().unionCountry()).isNull();
  }

  @Test
  @DisplayName("Les deux attestations sur l'honneur sont obligatoires")
  void bothAttestations() {
    Map<String, Object> form = family("SINGLE");
    form.put("attestationNoPolygamy", false);
    form.remove("attestationPenalties");
    assertThat(StepValidator.family(form, TODAY).errors()).hasSize(2)
        .allSatisfy(message -> assertThat(message).startsWith("Vous devez attester sur l'honneur"));
  }

  @Test
  @DisplayName("Le numéro ephoto a 22 chiffres et sa confirmation est identique")
  void ephoto() {
    String ok = "1234567890123456789012";
    assertThat(StepValidator.ephoto(Map.of("ephotoNumber", ok, "ephotoNumberConfirmation", ok)).errors()).isEmpty();
    assertThat(StepValidator.ephoto(Map.of("ephotoNumber", "123", "ephotoNumberConfirmation", "123")).errors())
        .containsExactly("Le numéro ephoto doit comporter exactement 22 chiffres.");
    assertThat(StepValidator.ephoto(Map.of("ephotoNumber", ok, "ephotoNumberConfirmation", "1234567890123456789013")).errors())
        .containsExactly("La confirmation du numéro ephoto ne correspond pas au numéro saisi.");
  }

  @Test
  @DisplayName("Les observations sont limitées à 2000 caractères")
  void observations() {
    assertThat(StepValidator.observations(Map.of("observations", "x".repeat(2001))).errors()).hasSize(1);
    assertThat(StepValidator.observations(Map.of("observations", "x".repeat(2000))).errors()).isEmpty();
  }

  @Test
  @DisplayName("La fenêtre de dépôt va du 120e au 60e jour avant l'expiration du titre")
  void filingWindow() {
    LocalDate expiry = LocalDate.of(2027, 3, 1);
    assertThat(FilingTiming.of(expiry.minusDays(121), expiry)).isEqualTo(FilingTiming.EARLY);
    assertThat(FilingTiming.of(expiry.minusDays(120), expiry)).isEqualTo(FilingTiming.ON_TIME);
    assertThat(FilingTiming.of(expiry.minusDays(60), expiry)).isEqualTo(FilingTiming.ON_TIME);
    assertThat(FilingTiming.of(expiry.minusDays(59), expiry)).isEqualTo(FilingTiming.LATE);
  }

  @Test
  @DisplayName("Le N° de la demande : département, « 01 », date du dépôt et numéro sur 7 chiffres")
  void requestNumberFormat() {
    assertThat(RequestNumbers.format("59", LocalDate.of(2023, 10, 4), 310)).isEqualTo("5901202310040000310");
  }
}
