package fr.anef.renewal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.cases.FilingTiming;
import fr.anef.renewal.shared.FormVariables;
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
  static final LocalDate BIRTH = LocalDate.of(1990, 1, 15);

  static FilingForms.PersonalInformation personal(Map<String, Object> form) {
    return FilingForms.PersonalInformation.from(FormVariables.of(form));
  }

  static FilingForms.ReasonForStay reason(Map<String, Object> form) {
    return FilingForms.ReasonForStay.from(FormVariables.of(form));
  }

  static FilingForms.SupportingDocuments documents(Map<String, Object> form) {
    return FilingForms.SupportingDocuments.from(FormVariables.of(form));
  }

  static FilingForms.Deposit deposit(Map<String, Object> form) {
    return FilingForms.Deposit.from(FormVariables.of(form));
  }

  static Map<String, Object> contact(String phone) {
    Map<String, Object> form =
        new HashMap<>(Map.of("email", "guideem@yopmail.com", "housingType", "OWN"));
    if (phone != null) {
      form.put("phone", phone);
    }
    return form;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "06 12 34 56 78",
        "0612345678",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "+12025550123"
      })
  @DisplayName("Les numéros de téléphone français et internationaux sont acceptés")
  void validPhones(String phone) {
    assertThat(StepValidator.contact(personal(contact(phone))).errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"12", "06 12 34 56", "+33", "0012345678", "06 12 34 56 78 90 12 34", "téléphone"})
  @DisplayName("Un numéro de téléphone mal formé est refusé en français")
  void invalidPhones(String phone) {
    assertThat(StepValidator.contact(personal(contact(phone))).errors())
        .containsExactly(
            "Le numéro de téléphone n'est pas valide : saisissez un numéro français (06 12 34 56 78) "
                + "ou international (+33 6 12 34 56 78).");
  }

  @Test
  @DisplayName("Téléphone, email et hébergement manquants : un message pour chacun")
  void missingContact() {
    assertThat(StepValidator.contact(personal(Map.of())).errors())
        .containsExactly(
            "L'adresse email est obligatoire.",
            "Le numéro de téléphone est obligatoire.",
            "Le type d'hébergement est obligatoire.");
  }

  static Map<String, Object> family(String status) {
    Map<String, Object> form =
        new HashMap<>(
            Map.of(
                "maritalStatus",
                status,
                "dependentChildren",
                "NO",
                "attestationNoPolygamy",
                true,
                "attestationPenalties",
                true));
    return form;
  }

  @Test
  @DisplayName(
      "Marié(e) ou pacsé(e) : date et pays de l'union et enfants du conjoint sont obligatoires")
  void unionRequiresDateAndCountry() {
    assertThat(StepValidator.family(reason(family("CIVIL_UNION")), TODAY, BIRTH).errors())
        .containsExactly(
            "La date de début de l'union est obligatoire.",
            "Le pays de l'union est obligatoire.",
            "Indiquez si vous avez des enfants à la charge de votre conjoint.");
  }

  @Test
  @DisplayName("La date de l'union ne peut pas être dans le futur")
  void unionDateNotInFuture() {
    Map<String, Object> form = family("MARRIED");
    form.putAll(
        Map.of("unionDate", "2026-11-29", "unionCountry", "France", "spouseChildren", "NO"));
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).errors())
        .containsExactly("La date de début de l'union ne peut pas être dans le futur.");
    form.put("unionDate", "2026-11-28");
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).value().unionDate())
        .isEqualTo(TODAY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "31/02/2020",
        "2020-02-31",
        "30/02/2021",
        "2021-02-29",
        "31/04/2020",
        "00/01/2020",
        "2020-13-01"
      })
  @DisplayName("Une date de l'union qui n'existe pas au calendrier est refusée, jamais corrigée")
  void unionDateMustExist(String date) {
    Map<String, Object> form = family("MARRIED");
    form.putAll(Map.of("unionDate", date, "unionCountry", "France", "spouseChildren", "NO"));
    var result = StepValidator.family(reason(form), TODAY, BIRTH);
    assertThat(result.value()).isNull();
    assertThat(result.errors())
        .containsExactly(
            "La date de début de l'union n'est pas une date valide (JJ/MM/AAAA) : vérifiez le jour, le mois et l'année.");
  }

  @Test
  @DisplayName("Le 29/02 d'une année bissextile est une date, au format français comme ISO")
  void leapDay() {
    Map<String, Object> form = family("MARRIED");
    form.putAll(
        Map.of("unionDate", "29/02/2020", "unionCountry", "France", "spouseChildren", "NO"));
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).value().unionDate())
        .isEqualTo(LocalDate.of(2020, 2, 29));
    form.put("unionDate", "2020-02-29");
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).value().unionDate())
        .isEqualTo(LocalDate.of(2020, 2, 29));
  }

  @Test
  @DisplayName("La date de l'union ne peut pas précéder la naissance du demandeur, ni 1900")
  void unionDateAfterBirth() {
    Map<String, Object> form = family("MARRIED");
    form.putAll(
        Map.of("unionDate", "0001-01-01", "unionCountry", "France", "spouseChildren", "NO"));
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).errors())
        .containsExactly(
            "La date de début de l'union ne peut pas précéder votre date de naissance (15/01/1990).");
    form.put("unionDate", "1990-01-14");
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).errors()).hasSize(1);
    form.put("unionDate", "1990-01-15");
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).errors()).isEmpty();
    form.put("unionDate", "1899-12-31");
    assertThat(StepValidator.family(reason(form), TODAY, null).errors())
        .containsExactly(
            "La date de début de l'union n'est pas plausible : elle ne peut pas précéder le 01/01/1900.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"><img/src=x>@x.fr",
        "a@b",
        "jeanne@exemple.fr.",
        "Jeanne <jeanne@exemple.fr>",
        "a b@exemple.fr",
        "groupe:jeanne@exemple.fr;"
      })
  @DisplayName(
      "Une adresse email que le serveur de courriel n'accepterait pas est refusée en français")
  void invalidEmails(String email) {
    Map<String, Object> form = contact("0612345678");
    form.put("email", email);
    var result = StepValidator.contact(personal(form));
    assertThat(result.value()).isNull();
    assertThat(result.errors())
        .containsExactly(
            "L'adresse email n'est pas valide : saisissez une adresse de la forme nom@domaine.fr.");
  }

  @Test
  @DisplayName("Célibataire : les champs de l'union restés en mémoire sont ignorés")
  void singleIgnoresUnionFields() {
    Map<String, Object> form = family("SINGLE");
    form.putAll(Map.of("unionDate", "2030-01-01", "unionCountry", "France"));
    var result = StepValidator.family(reason(form), TODAY, BIRTH);
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
    assertThat(StepValidator.family(reason(form), TODAY, BIRTH).errors())
        .hasSize(2)
        .allSatisfy(message -> assertThat(message).startsWith("Vous devez attester sur l'honneur"));
  }

  @Test
  @DisplayName("Le numéro ephoto a 22 chiffres et sa confirmation est identique")
  void ephoto() {
    String ok = "1234567890123456789012";
    assertThat(
            StepValidator.ephoto(
                    documents(Map.of("ephotoNumber", ok, "ephotoNumberConfirmation", ok)))
                .errors())
        .isEmpty();
    assertThat(
            StepValidator.ephoto(
                    documents(Map.of("ephotoNumber", "123", "ephotoNumberConfirmation", "123")))
                .errors())
        .containsExactly("Le numéro ephoto doit comporter exactement 22 chiffres.");
    assertThat(
            StepValidator.ephoto(
                    documents(
                        Map.of(
                            "ephotoNumber",
                            ok,
                            "ephotoNumberConfirmation",
                            "1234567890123456789013")))
                .errors())
        .containsExactly("La confirmation du numéro ephoto ne correspond pas au numéro saisi.");
  }

  @Test
  @DisplayName("Les observations sont limitées à 2000 caractères")
  void observations() {
    assertThat(
            StepValidator.observations(deposit(Map.of("observations", "x".repeat(2001)))).errors())
        .hasSize(1);
    assertThat(
            StepValidator.observations(deposit(Map.of("observations", "x".repeat(2000)))).errors())
        .isEmpty();
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
    assertThat(RequestNumbers.format("59", LocalDate.of(2023, 10, 4), 310))
        .isEqualTo("5901202310040000310");
  }
}
