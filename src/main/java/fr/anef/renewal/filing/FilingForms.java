package fr.anef.renewal.filing;

import fr.anef.renewal.shared.FormValues;
import fr.anef.renewal.shared.FormVariables;

/**
 * What the applicant's forms send, one record per form: its components are exactly the form's
 * writable input keys (checked against {@code forms/*.form} by {@code FormContractTests}), and its
 * factory reads those keys and no other variable.
 */
public final class FilingForms {

  private FilingForms() {}

  /** One of the four steps, each ending on « Que souhaitez-vous faire ? ». */
  public sealed interface Step
      permits PersonalInformation, ReasonForStay, SupportingDocuments, Deposit {
    /** NEXT, BACK or ABANDON as sent; null (NEXT) when absent. */
    String action();
  }

  /** {@code start-renewal}: « Je sollicite le renouvellement de ce titre ». */
  public record StartRenewal(Boolean renewalRequested) {
    public static final String FORM = "start-renewal";

    public static StartRenewal from(FormVariables variables) {
      return new StartRenewal(FormValues.checkbox(variables.get("renewalRequested")));
    }
  }

  /** {@code personal-information}, step 1. */
  public record PersonalInformation(String housingType, String email, String phone, String action)
      implements Step {
    public static final String FORM = "personal-information";

    public static PersonalInformation from(FormVariables variables) {
      return new PersonalInformation(
          FormValues.text(variables.get("housingType")),
          FormValues.text(variables.get("email")),
          FormValues.text(variables.get("phone")),
          FormValues.text(variables.get("action")));
    }
  }

  /**
   * {@code reason-for-stay}, step 2; {@code unionDate} as the form sends it (validated by {@link
   * StepValidator}).
   */
  public record ReasonForStay(
      String maritalStatus,
      String unionDate,
      String unionCountry,
      String dependentChildren,
      String spouseChildren,
      Boolean attestationNoPolygamy,
      Boolean attestationPenalties,
      String action)
      implements Step {
    public static final String FORM = "reason-for-stay";

    public static ReasonForStay from(FormVariables variables) {
      return new ReasonForStay(
          FormValues.text(variables.get("maritalStatus")),
          FormValues.dateText(variables.get("unionDate")),
          FormValues.text(variables.get("unionCountry")),
          FormValues.text(variables.get("dependentChildren")),
          FormValues.text(variables.get("spouseChildren")),
          FormValues.checkbox(variables.get("attestationNoPolygamy")),
          FormValues.checkbox(variables.get("attestationPenalties")),
          FormValues.text(variables.get("action")));
    }
  }

  /** {@code supporting-documents}, step 3 (the files themselves go through the upload page). */
  public record SupportingDocuments(
      String ephotoNumber, String ephotoNumberConfirmation, String action) implements Step {
    public static final String FORM = "supporting-documents";

    public static SupportingDocuments from(FormVariables variables) {
      return new SupportingDocuments(
          FormValues.text(variables.get("ephotoNumber")),
          FormValues.text(variables.get("ephotoNumberConfirmation")),
          FormValues.text(variables.get("action")));
    }
  }

  /** {@code deposit}, step 4. */
  public record Deposit(String observations, String action) implements Step {
    public static final String FORM = "deposit";

    public static Deposit from(FormVariables variables) {
      return new Deposit(
          FormValues.text(variables.get("observations")), FormValues.text(variables.get("action")));
    }
  }
}
