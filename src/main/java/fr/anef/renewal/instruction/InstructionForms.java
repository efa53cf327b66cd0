package fr.anef.renewal.instruction;

import fr.anef.renewal.shared.FormValues;
import fr.anef.renewal.shared.FormVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agents' forms send, one record per form: its components are exactly the form's writable input keys
 * (checked against {@code forms/*.form} by {@code FormContractTests}), and its factory reads those keys and no
 * other variable.
 */
public final class InstructionForms {

  private InstructionForms() {}

  /** The verdict on one document and the observation for the applicant. */
  public record DocumentVerdict(String verdict, String observation) {}

  /**
   * {@code review-application}: per document code of {@link #CODES}, the fields {@code verdict_CODE} and
   * {@code observation_CODE} (in {@code documents}), and the private note.
   */
  public record ReviewApplication(Map<String, DocumentVerdict> documents, String privateNote) {
    public static final String FORM = "review-application";

    /**
     * The documents the form has a block for. A static form, because Tasklist 7.24 keeps its « Complete » button
     * disabled on a form-js dynamic list; a document code added to the DMN needs its block in the form, or the
     * review task cannot be created (an incident says so).
     */
    public static final List<String> CODES = List.of("NATIONALITY", "IDENTITY", "REGULAR_ENTRY", "HOME_PROOF",
        "HABITUAL_RESIDENCE");

    public ReviewApplication {
      documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }

    /** The form's key of a document's verdict. */
    public static String verdictKey(String code) {
      return "verdict_" + code;
    }

    /** The form's key of a document's observation. */
    public static String observationKey(String code) {
      return "observation_" + code;
    }

    public static ReviewApplication from(FormVariables variables) {
      Map<String, DocumentVerdict> documents = new LinkedHashMap<>();
      for (String code : CODES) {
        documents.put(code, new DocumentVerdict(FormValues.text(variables.get(verdictKey(code))),
            FormValues.text(variables.get(observationKey(code)))));
      }
      return new ReviewApplication(documents, FormValues.text(variables.get("privateNote")));
    }

    /** The verdict on a document; empty (no verdict, no observation) for a code the form does not have. */
    public DocumentVerdict of(String code) {
      return documents.getOrDefault(code, new DocumentVerdict(null, null));
    }
  }

  /** {@code certificate-not-received}: WAIT or DECIDE. */
  public record CertificateNotReceived(String certificateFollowUp) {
    public static final String FORM = "certificate-not-received";

    public static CertificateNotReceived from(FormVariables variables) {
      return new CertificateNotReceived(FormValues.text(variables.get("certificateFollowUp")));
    }
  }

  /** {@code decision}: FAVOURABLE with the card's validity, or REFUSAL with its reasons. Dates as sent. */
  public record DecisionForm(String decision, String cardValidFrom, String cardValidUntil, String refusalReason) {
    public static final String FORM = "decision";

    public static DecisionForm from(FormVariables variables) {
      return new DecisionForm(FormValues.text(variables.get("decision")),
          FormValues.dateText(variables.get("cardValidFrom")), FormValues.dateText(variables.get("cardValidUntil")),
          FormValues.text(variables.get("refusalReason")));
    }
  }
}
