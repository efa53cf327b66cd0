package fr.anef.renewal.account;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import fr.anef.renewal.shared.ActorGroups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, except that a new user may only READ their own user
 * (Tasklist shows the name): Camunda's default grants ALL, which let anyone change their e-mail
 * through {@code PUT /user/{id}/profile} (then take over another account by « Mot de passe oublié ?
 * »), their password through {@code PUT /user/{id}/credentials}, or delete themselves. The
 * application's own pages change the e-mail (confirmed by a link) and the password (by a link to
 * the e-mail); administrators keep ALL on users through their group.
 */
class SelfReadOnlyAuthorizationProvider extends DefaultAuthorizationProvider {

  /**
   * Agents read their préfecture's history through the renewal's READ_HISTORY, narrowed to their
   * préfecture's tenant (ADR 0043); the engine would also add a HISTORIC_TASK row per assignee and
   * candidate of every task, kept for the history's 5 years, that nobody needs (applicants read no
   * history, agents read their cases' whole history): not created.
   */
  @Override
  protected boolean isHistoricInstancePermissionsEnabled() {
    return false;
  }

  /**
   * A task offered to a préfecture's scope group: the group may work on it (claim, complete), and
   * reads it through the agents' READ_TASK on the renewal, which the engine narrows to the
   * préfecture's tenant (ADR 0043). Without READ here, the authorization check of an agent's task
   * list compares each task with a handful of grants instead of one grant per task of the
   * préfecture.
   */
  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (groupId != null
        && IdentityLinkType.CANDIDATE.equals(type)
        && ActorGroups.isPrefectureScope(groupId)) {
      return new AuthorizationEntity[] {
        createOrUpdateAuthorization(
            task, null, groupId, TASK, false, getDefaultUserPermissionForTask())
      };
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] newUser(User user) {
    return new AuthorizationEntity[] {
      createGrantAuthorization(user.getId(), null, USER, user.getId(), READ)
    };
  }
}
