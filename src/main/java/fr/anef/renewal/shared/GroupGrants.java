package fr.anef.renewal.shared;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Camunda grants to a group, written only when something is missing. */
public final class GroupGrants {

  private GroupGrants() {}

  /**
   * Grants {@code permissions} on one resource to a group: reuses the group's grant on that
   * resource if there is one, and saves only when a permission (or the grant itself) is new, so
   * that an unchanged grant is not written again at every start.
   */
  public static void grant(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization =
        of(authorizations, groupId, resource, resourceId).stream()
            .findFirst()
            .orElseGet(
                () -> {
                  Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                  created.setGroupId(groupId);
                  created.setResource(resource);
                  created.setResourceId(resourceId);
                  return created;
                });
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** The group's grants on one resource (none, or the one {@link #grant} writes). */
  public static List<Authorization> of(
      AuthorizationService authorizations, String groupId, Resource resource, String resourceId) {
    return authorizations
        .createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list();
  }
}
