package fr.anef.renewal.account;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

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

  @Override
  public AuthorizationEntity[] newUser(User user) {
    return new AuthorizationEntity[] {
      createGrantAuthorization(user.getId(), null, USER, user.getId(), READ)
    };
  }
}
