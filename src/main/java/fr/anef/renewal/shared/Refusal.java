package fr.anef.renewal.shared;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A request refused by a business rule, with the French messages shown to the person. Extends the
 * engine's form validation exception: raised inside a process transaction (execution listener,
 * delegate), it rolls the transaction back and the REST API (hence Tasklist) answers HTTP 400 with
 * the message, where any other engine exception gives HTTP 500. The application's own pages show
 * the same messages.
 *
 * <p>Why an engine {@code impl} class (ADR 0037): the REST API's task completion and form
 * submission ({@code TaskResourceImpl.complete} / {@code submit}) answer 400 for this exception
 * only; every other {@code ProcessEngineException}, the public {@code BadUserRequestException}
 * included, becomes a 500 there. Camunda documents it as the exception of form field validation; no
 * public class gives the 400.
 */
public class Refusal extends FormFieldValidationException {

  private final transient List<String> reasons;

  public Refusal(List<String> reasons) {
    super(List.copyOf(reasons), String.join(" ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public Refusal(String reason) {
    this(List.of(reason));
  }

  public List<String> reasons() {
    return reasons;
  }

  /** Throws a refusal if there is any reason to refuse. */
  public static void unless(List<String> reasons) {
    if (!reasons.isEmpty()) {
      throw new Refusal(reasons);
    }
  }
}
