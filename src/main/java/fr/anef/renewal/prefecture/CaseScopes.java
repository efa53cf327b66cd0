package fr.anef.renewal.prefecture;

import fr.anef.renewal.engine.InstanceTenants;
import fr.anef.renewal.shared.ActorGroups;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A case's place in one préfecture (ADR 0016, ADR 0043): its process instance in the préfecture's
 * engine tenant (runtime and history: the agents' grants on the renewal's definition reach it only
 * through their scope group's tenant), its agents' tasks offered to the préfecture's scope group
 * instead of the national role group {@value #ROLE}. Written by server code only, with the engine's
 * authorization checks off for these writes (the applicant whose dépôt makes them may not write
 * authorizations).
 */
@Service
public class CaseScopes {

  /**
   * The role group the models name as candidates; each task is narrowed to its case's préfecture
   * when created.
   */
  public static final String ROLE = ActorGroups.PREFECTURE_AGENTS;

  private final AuthorizationService authorizations;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl engine;
  private final InstanceTenants tenants;
  private final HistoryService history;

  CaseScopes(
      AuthorizationService authorizations,
      TaskService tasks,
      ProcessEngineConfiguration engine,
      InstanceTenants tenants,
      HistoryService history) {
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.history = history;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.tenants = tenants;
  }

  /**
   * Puts the case in the préfecture of {@code department} — at the dépôt, and when a change of
   * address moves it: its instance, runtime and whole history, into the préfecture's tenant, its
   * open agents' tasks offered to the scope group; the former préfecture keeps nothing of it (its
   * tenant no longer holds a row of the case, its agents no task). Idempotent.
   */
  public void assign(String processInstanceId, String department) {
    String group = scopeGroup(department);
    withoutAuthorization(
        () -> {
          // First the tenant: the identity links added below take their task's (new) one. The
          // instances of the same case (its N°: the OFII's file) move with it.
          String tenant = PrefectureTenants.of(department);
          tenants.move(processInstanceId, tenant);
          HistoricProcessInstance instance =
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .singleResult();
          if (instance != null && instance.getBusinessKey() != null) {
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(instance.getBusinessKey())
                .list()
                .stream()
                .filter(other -> !other.getId().equals(processInstanceId))
                .forEach(other -> tenants.move(other.getId(), tenant));
          }
          for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            boolean agentTask = false;
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
              if (IdentityLinkType.CANDIDATE.equals(link.getType())
                  && link.getGroupId() != null
                  && isPrefectureGroup(link.getGroupId())) {
                agentTask = true;
                if (!link.getGroupId().equals(group)) {
                  tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                  revoke(link.getGroupId(), Resources.TASK, task.getId());
                  tasks.addCandidateGroup(task.getId(), group);
                }
              }
            }
            if (agentTask) {
              keepWithin(group, task);
            }
          }
          return null;
        });
  }

  /**
   * An agent task stays with its préfecture's agents only: an assignee from elsewhere (the agent of
   * the préfecture the case left) is removed, and the grants the engine gave them as assignee —
   * which it keeps when the assignee changes — are revoked.
   */
  private void keepWithin(String group, Task task) {
    if (task.getAssignee() != null && !isMember(task.getAssignee(), group)) {
      tasks.setAssignee(task.getId(), null);
    }
    authorizations
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(task.getId())
        .list()
        .stream()
        .filter(a -> a.getUserId() != null && !isMember(a.getUserId(), group))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  private boolean isMember(String userId, String group) {
    return engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(group).count()
        > 0;
  }

  /**
   * Whether a group id is the role group or a scope group (a task offered to it belongs to a
   * préfecture).
   */
  static boolean isPrefectureGroup(String groupId) {
    return ROLE.equals(groupId) || ActorGroups.isPrefectureScope(groupId);
  }

  private static String scopeGroup(String department) {
    if (Prefectures.of(department).isEmpty()) {
      throw new IllegalStateException("Département sans préfecture : " + department);
    }
    return AgentScopes.groupOf(department);
  }

  private void revoke(String group, Resources resource, String resourceId) {
    authorizations
        .createAuthorizationQuery()
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  /**
   * Runs engine calls with its authorization checks off: inside the current engine command when
   * there is one (a delegate, a listener), else in a command of its own (one transaction, joined to
   * the caller's Spring one).
   */
  private <T> T withoutAuthorization(Callable<T> work) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return current.runWithoutAuthorization(work);
    }
    return engine
        .getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(work));
  }
}
