package fr.anef.renewal.instruction;

import fr.anef.renewal.shared.FormRecords;
import fr.anef.renewal.shared.FormValues;
import fr.anef.renewal.shared.FormVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agents' forms send, one record per form: its components are exactly the form's writable
 * input keys (checked against {@code forms/*.form} by {@code FormContractTests}), and its factory
 * reads those keys and no other variable.
 */
public final class InstructionForms {

  private InstructionForms() {}

  /** The verdict on one document and the observation for the applicant. */
  public record DocumentVerdict(String verdict, String observation) {}

  /**
   * {@code review-application}: per block of {@link #BLOCKS}, the fields {@code verdict_BLOCK} and
   * {@code observation_BLOCK} (in {@code documents}), and the private note. A block is either a
   * document code of {@link #CODES} or one of the {@link #SLOTS} numbered blocks ({@code slot1}…)
   * that carry the codes an analyst added to the DMN (ADR 0023).
   */
  public record ReviewApplication(Map<String, DocumentVerdict> documents, String privateNote) {
    public static final String FORM = "review-application";

    /**
     * The documents of the shipped DMN, each with a block named after its code (Tasklist 7.24 keeps
     * « Complete » disabled on a form-js dynamic list, ADR 0004); kept so that review tasks created
     * before ADR 0023 still show.
     */
    public static final List<String> CODES =
        List.of("NATIONALITY", "IDENTITY", "REGULAR_ENTRY", "HOME_PROOF", "HABITUAL_RESIDENCE");

    /**
     * The numbered blocks for the documents the form has no named block for, in the DMN's order.
     */
    public static final int SLOTS = 5;

    /** Every block of the form: the named ones, then {@code slot1}…{@code slot5}. */
    public static final List<String> BLOCKS =
        java.util.stream.Stream.concat(
                CODES.stream(),
                java.util.stream.IntStream.rangeClosed(1, SLOTS).mapToObj(ReviewApplication::slot))
            .toList();

    public ReviewApplication {
      documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }

    /** The block key of the numbered block {@code n} (from 1). */
    public static String slot(int n) {
      return "slot" + n;
    }

    /** The form's key of a block's verdict. */
    public static String verdictKey(String block) {
      return "verdict_" + block;
    }

    /** The form's key of a block's observation. */
    public static String observationKey(String block) {
      return "observation_" + block;
    }

    public static ReviewApplication from(FormVariables variables) {
      Map<String, DocumentVerdict> documents = new LinkedHashMap<>();
      for (String block : BLOCKS) {
        documents.put(
            block,
            new DocumentVerdict(
                FormValues.text(variables.get(verdictKey(block))),
                FormValues.text(variables.get(observationKey(block)))));
      }
      return new ReviewApplication(documents, FormValues.text(variables.get("privateNote")));
    }

    /**
     * The verdict in a block; empty (no verdict, no observation) for a block the form does not
     * have.
     */
    public DocumentVerdict of(String block) {
      return documents.getOrDefault(block, new DocumentVerdict(null, null));
    }
  }

  /** {@code certificate-not-received}: WAIT or DECIDE. */
  public record CertificateNotReceived(String certificateFollowUp) {
    public static final String FORM = "certificate-not-received";

    public static CertificateNotReceived from(FormVariables variables) {
      return FormRecords.read(CertificateNotReceived.class, variables);
    }
  }

  /**
   * {@code decision}: FAVOURABLE with the card's validity, or REFUSAL with its reasons. Dates as
   * sent.
   */
  public record DecisionForm(
      String decision,
      @FormRecords.Date String cardValidFrom,
      @FormRecords.Date String cardValidUntil,
      String refusalReason) {
    public static final String FORM = "decision";

    public static DecisionForm from(FormVariables variables) {
      return FormRecords.read(DecisionForm.class, variables);
    }
  }
}
