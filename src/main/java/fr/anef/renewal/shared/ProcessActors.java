package fr.anef.renewal.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/** What delegates and listeners ask of the execution that runs them. */
public final class ProcessActors {

  private ProcessActors() {}

  /** The user completing the task (Tasklist or REST), or {@code fallback} when the engine acts alone (a job). */
  public static String userOr(DelegateExecution execution, String fallback) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? fallback : authentication.getUserId();
  }

  /** Whether the activity ends because it is cancelled (instance deleted, boundary event): nothing to record. */
  public static boolean cancelled(DelegateExecution execution) {
    return execution instanceof PvmExecutionImpl pvm && pvm.isCanceled();
  }
}
