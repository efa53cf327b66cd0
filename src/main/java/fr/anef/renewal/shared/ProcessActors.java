package fr.anef.renewal.shared;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What delegates and listeners ask of the execution that runs them, through the engine's public API
 * only ({@link DelegateExecution}, {@code IdentityService}).
 */
public final class ProcessActors {

  private ProcessActors() {}

  /**
   * The user completing the task (Tasklist or REST), or {@code fallback} when the engine acts alone
   * (a job).
   */
  public static String userOr(DelegateExecution execution, String fallback) {
    Authentication actor = authentication(execution);
    return actor == null || actor.getUserId() == null ? fallback : actor.getUserId();
  }

  /**
   * The user and groups the engine's current command runs for, or {@code null} when the engine acts
   * alone.
   */
  public static Authentication authentication(DelegateExecution execution) {
    var current =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : new Authentication(current.getUserId(), current.getGroupIds());
  }

  /**
   * Whether the activity ends because it is cancelled (instance deleted, boundary event): nothing
   * to record.
   */
  public static boolean cancelled(DelegateExecution execution) {
    return execution.isCanceled();
  }

  /**
   * A user and their groups, as the engine's identity service gives them for the running command (a
   * copy, so that the application's services do not depend on the engine's {@code impl} type {@code
   * getCurrentAuthentication} returns).
   */
  public static final class Authentication {
    private final String userId;
    private final List<String> groupIds;

    public Authentication(String userId, List<String> groupIds) {
      this.userId = userId;
      this.groupIds = groupIds == null ? null : List.copyOf(groupIds);
    }

    public String getUserId() {
      return userId;
    }

    public List<String> getGroupIds() {
      return groupIds;
    }
  }
}
