package fr.anef.renewal.filing;

import fr.anef.renewal.shared.FormRecords;
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
      return FormRecords.read(StartRenewal.class, variables);
    }
  }

  /** {@code personal-information}, step 1. */
  public record PersonalInformation(String housingType, String email, String phone, String action)
      implements Step {
    public static final String FORM = "personal-information";

    public static PersonalInformation from(FormVariables variables) {
      return FormRecords.read(PersonalInformation.class, variables);
    }
  }

  /**
   * {@code reason-for-stay}, step 2; {@code unionDate} as the form sends it (validated by {@link
   * StepValidator}).
   */
  public record ReasonForStay(
      String maritalStatus,
      @FormRecords.Date String unionDate,
      String unionCountry,
      String dependentChildren,
      String spouseChildren,
      Boolean attestationNoPolygamy,
      Boolean attestationPenalties,
      String action)
      implements Step {
    public static final String FORM = "reason-for-stay";

    public static ReasonForStay from(FormVariables variables) {
      return FormRecords.read(ReasonForStay.class, variables);
    }
  }

  /** {@code supporting-documents}, step 3 (the files themselves go through the upload page). */
  public record SupportingDocuments(
      String ephotoNumber, String ephotoNumberConfirmation, String action) implements Step {
    public static final String FORM = "supporting-documents";

    public static SupportingDocuments from(FormVariables variables) {
      return FormRecords.read(SupportingDocuments.class, variables);
    }
  }

  /** {@code deposit}, step 4. */
  public record Deposit(String observations, String action) implements Step {
    public static final String FORM = "deposit";

    public static Deposit from(FormVariables variables) {
      return FormRecords.read(Deposit.class, variables);
    }
  }
}
