package fr.anef.renewal.account;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, users created before {@link SelfReadOnlyAuthorizationProvider} (Camunda's
 * default: ALL on their own user) keep only READ on themselves, administrators ({@code
 * camunda-admin}) excepted. Idempotent: once fixed, a user's grant no longer matches the query;
 * several nodes starting together fix each grant once.
 */
@Component
public class UserSelfGrants {

  private static final Logger LOG = LoggerFactory.getLogger(UserSelfGrants.class);
  private static final int PAGE = 500;

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  UserSelfGrants(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** After the groups and demo users of the start-up. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void onStart() {
    int fixed = restrict();
    if (fixed > 0) {
      LOG.info("{} autorisation(s) d'utilisateurs sur eux-mêmes réduites à la lecture", fixed);
    }
  }

  /** The number of self grants reduced to READ. */
  public int restrict() {
    int fixed = 0;
    for (Permission permission : List.of(UPDATE, DELETE)) {
      int kept = 0;
      List<Authorization> page;
      do {
        page =
            authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.USER)
                .hasPermission(permission)
                .orderByResourceId()
                .asc()
                .listPage(kept, PAGE);
        for (Authorization grant : page) {
          if (grant.getUserId() == null
              || !grant.getUserId().equals(grant.getResourceId())
              || isAdmin(grant.getUserId())) {
            kept++;
            continue;
          }
          grant.setPermissions(new Permission[] {READ});
          try {
            authorizations.saveAuthorization(grant);
            fixed++;
          } catch (OptimisticLockingException e) {
            // another node fixed it at the same time
          }
        }
      } while (page.size() == PAGE);
    }
    return fixed;
  }

  private boolean isAdmin(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count()
        > 0;
  }
}
