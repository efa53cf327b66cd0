package fr.anef.renewal.prefecture;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * The engine's tenants (ADR 0043): one per préfecture, with the id of its scope group ({@code
 * prefecture-59}, {@code prefecture-75}…), and {@value #DRAFTS} for the drafts filed online, which
 * no préfecture sees before the dépôt. A renewal instance is always in one of them; the OFII's and
 * the mails' instances are national (no tenant). Who is a member: each préfecture's scope group of
 * its own tenant; the applicants' and the OFII's groups of every tenant (their grants, per case or
 * on the OFII's process only, say what they read; the tenant only narrows).
 */
public final class PrefectureTenants {

  /** The tenant of the drafts opened online: the applicants' only, until the dépôt. */
  public static final String DRAFTS = "drafts";

  private PrefectureTenants() {}

  /** The tenant of the préfecture of {@code department}: its scope group's id. */
  public static String of(String department) {
    return AgentScopes.groupOf(department);
  }

  /**
   * The tenants of a user in these groups, as the engine's REST API and webapps compute them at
   * login (memberships through the user's groups): for server code that acts as a user.
   */
  public static List<String> ofGroups(IdentityService identity, Collection<String> groupIds) {
    Set<String> tenants = new LinkedHashSet<>();
    if (groupIds != null) {
      for (String group : groupIds) {
        identity.createTenantQuery().groupMember(group).list().stream()
            .map(Tenant::getId)
            .forEach(tenants::add);
      }
    }
    return List.copyOf(tenants);
  }
}
