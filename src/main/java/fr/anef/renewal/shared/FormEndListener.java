package fr.anef.renewal.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end of a form step: records what was submitted, unless the step ends because it is cancelled
 * (instance deleted, boundary event, file closed): then there is nothing to record.
 */
public abstract class FormEndListener implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (!ProcessActors.cancelled(execution)) {
      submitted(execution);
    }
  }

  /** Records the step's submission; the step was not cancelled. */
  protected abstract void submitted(DelegateExecution execution);
}
