package fr.anef.renewal.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its group prefilter for users in a few groups.
 *
 * <p>Before every authorization check of a logged-in user, Camunda 7 reads {@code SELECT
 * distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} — the whole table, since the statement has no
 * WHERE clause — only to drop from the user's groups those that appear in no authorization row. The
 * table holds a row per account (the engine grants each user their own user resource), so at
 * national scale (1 M applicants) that scan is the floor of every command: measured 19.5 ms per
 * command at 110 k accounts on PostgreSQL, linear in the accounts. Dropping a group that has no
 * authorization row changes no result (no row can match it), so for a user in at most {@link
 * #DIRECT_GROUPS_MAX} groups — every user here is in one or two — the groups go to the check as
 * they are. The same change is discussed upstream (camunda/camunda-bpm-platform#5485, CIB seven's
 * {@code authGroupFilterThreshold}).
 */
class DirectGroupsAuthorizationManager extends AuthorizationManager {

  static final int DIRECT_GROUPS_MAX = 10;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds != null
        && !authenticatedGroupIds.isEmpty()
        && authenticatedGroupIds.size() <= DIRECT_GROUPS_MAX) {
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
    return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
  }

  /**
   * Replaces the engine's factory of the same session type (custom session factories are added
   * last).
   */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new DirectGroupsAuthorizationManager();
    }
  }
}
