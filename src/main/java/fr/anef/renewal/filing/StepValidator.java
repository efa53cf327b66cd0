package fr.anef.renewal.filing;

import fr.anef.renewal.filing.FilingForms.Deposit;
import fr.anef.renewal.filing.FilingForms.PersonalInformation;
import fr.anef.renewal.filing.FilingForms.ReasonForStay;
import fr.anef.renewal.filing.FilingForms.SupportingDocuments;
import fr.anef.renewal.shared.EmailAddresses;
import fr.anef.renewal.shared.FormValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Server-side validation of the four steps, whatever the browser checked: the REST API accepts any
 * variables. Each method reads the step's form record, collects every French message, and returns
 * the clean values only when there is none.
 */
final class StepValidator {

  static final Set<String> HOUSING_TYPES = Set.of("OWN", "HOTEL", "PRIVATE_HOST");
  static final Set<String> MARITAL_STATUSES =
      Set.of("SINGLE", "COHABITING", "DIVORCED", "MARRIED", "CIVIL_UNION", "WIDOWED");
  static final Set<String> UNION_STATUSES = Set.of("MARRIED", "CIVIL_UNION");
  static final int MAX_OBSERVATIONS = 2000;

  /** The earliest date a union can have started, whoever the applicant. */
  static final LocalDate EARLIEST_UNION = LocalDate.of(1900, 1, 1);

  private static final Pattern FRENCH_PHONE = Pattern.compile("^0[1-9]\\d{8}$");
  private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("^\\+[1-9]\\d{7,14}$");
  private static final Pattern EPHOTO = Pattern.compile("^\\d{22}$");

  record Contact(String email, String phone, String housingType) {}

  record Family(
      String maritalStatus,
      LocalDate unionDate,
      String unionCountry,
      Boolean spouseChildren,
      Boolean dependentChildren) {}

  /** The outcome of a validation: the values, or the messages. */
  record Result<T>(T value, List<String> errors) {}

  private StepValidator() {}

  static Result<Contact> contact(PersonalInformation form) {
    List<String> errors = new ArrayList<>();
    String email = form.email();
    if (email == null) {
      errors.add("L'adresse email est obligatoire.");
    } else if (!EmailAddresses.valid(email)) {
      errors.add(EmailAddresses.INVALID);
    }
    String phone = form.phone();
    String digits = phone == null ? null : phone.replaceAll("[\\s.\\-]", "");
    if (phone == null) {
      errors.add("Le numéro de téléphone est obligatoire.");
    } else if (!FRENCH_PHONE.matcher(digits).matches()
        && !INTERNATIONAL_PHONE.matcher(digits).matches()) {
      errors.add(
          "Le numéro de téléphone n'est pas valide : saisissez un numéro français (06 12 34 56 78) "
              + "ou international (+33 6 12 34 56 78).");
    }
    String housing = form.housingType();
    if (housing == null) {
      errors.add("Le type d'hébergement est obligatoire.");
    } else if (!HOUSING_TYPES.contains(housing)) {
      errors.add("Le type d'hébergement n'est pas valide.");
    }
    return new Result<>(errors.isEmpty() ? new Contact(email, digits, housing) : null, errors);
  }

  /**
   * Step 2. The union's date is a real calendar date, not in the future, not before the applicant's
   * birth ({@code birthDate}, from the register; null when unknown) nor before 1900.
   */
  static Result<Family> family(ReasonForStay form, LocalDate today, LocalDate birthDate) {
    List<String> errors = new ArrayList<>();
    String status = form.maritalStatus();
    if (status == null) {
      errors.add("La situation familiale est obligatoire.");
    } else if (!MARITAL_STATUSES.contains(status)) {
      errors.add("La situation familiale n'est pas valide.");
    }
    LocalDate unionDate = null;
    String unionCountry = null;
    Boolean spouseChildren = null;
    if (status != null && UNION_STATUSES.contains(status)) {
      unionDate = date(form.unionDate(), "La date de début de l'union", errors);
      if (unionDate != null && unionDate.isAfter(today)) {
        errors.add("La date de début de l'union ne peut pas être dans le futur.");
        unionDate = null;
      } else if (unionDate != null && birthDate != null && unionDate.isBefore(birthDate)) {
        errors.add(
            "La date de début de l'union ne peut pas précéder votre date de naissance ("
                + birthDate.format(FormValues.FRENCH_DATE)
                + ").");
        unionDate = null;
      } else if (unionDate != null && unionDate.isBefore(EARLIEST_UNION)) {
        errors.add(
            "La date de début de l'union n'est pas plausible : elle ne peut pas précéder le 01/01/1900.");
        unionDate = null;
      }
      unionCountry = form.unionCountry();
      if (unionCountry == null) {
        errors.add("Le pays de l'union est obligatoire.");
      } else if (unionCountry.length() > 100) {
        errors.add("Le pays de l'union ne doit pas dépasser 100 caractères.");
      }
      spouseChildren =
          yesNo(
              form.spouseChildren(),
              "Indiquez si vous avez des enfants à la charge de votre conjoint.",
              errors);
    }
    Boolean dependentChildren =
        yesNo(
            form.dependentChildren(), "Indiquez si vous avez des enfants à votre charge.", errors);
    if (!Boolean.TRUE.equals(form.attestationNoPolygamy())) {
      errors.add("Vous devez attester sur l'honneur ne pas vivre en France en état de polygamie.");
    }
    if (!Boolean.TRUE.equals(form.attestationPenalties())) {
      errors.add(
          "Vous devez attester sur l'honneur avoir connaissance des sanctions pénales encourues "
              + "par l'auteur d'une fausse attestation.");
    }
    return new Result<>(
        errors.isEmpty()
            ? new Family(status, unionDate, unionCountry, spouseChildren, dependentChildren)
            : null,
        errors);
  }

  static Result<String> ephoto(SupportingDocuments form) {
    List<String> errors = new ArrayList<>();
    String number = form.ephotoNumber();
    String confirmation = form.ephotoNumberConfirmation();
    if (number == null) {
      errors.add("Le numéro ephoto est obligatoire.");
    } else if (!EPHOTO.matcher(number).matches()) {
      errors.add("Le numéro ephoto doit comporter exactement 22 chiffres.");
    } else if (!number.equals(confirmation)) {
      errors.add("La confirmation du numéro ephoto ne correspond pas au numéro saisi.");
    }
    return new Result<>(errors.isEmpty() ? number : null, errors);
  }

  static Result<String> observations(Deposit form) {
    String observations = form.observations();
    if (observations != null && observations.length() > MAX_OBSERVATIONS) {
      return new Result<>(
          null,
          List.of("Les observations ne doivent pas dépasser " + MAX_OBSERVATIONS + " caractères."));
    }
    return new Result<>(observations, List.of());
  }

  private static Boolean yesNo(String value, String missing, List<String> errors) {
    if ("YES".equals(value)) {
      return true;
    }
    if ("NO".equals(value)) {
      return false;
    }
    errors.add(missing);
    return null;
  }

  private static LocalDate date(String value, String label, List<String> errors) {
    if (value == null) {
      errors.add(label + " est obligatoire.");
      return null;
    }
    try {
      return FormValues.date(value);
    } catch (DateTimeParseException e) {
      errors.add(
          label
              + " n'est pas une date valide (JJ/MM/AAAA) : vérifiez le jour, le mois et l'année.");
      return null;
    }
  }
}
