package fr.anef.renewal.prefecture;

import fr.anef.renewal.shared.ActorGroups;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Which préfecture an agent belongs to: their membership of one scope group {@code
 * prefecture-<dept>} ({@code prefecture-59}, {@code prefecture-75}, {@code prefecture-2A}, {@code
 * prefecture-971}). The role groups ({@code prefecture-agents}, {@code prefecture-managers}) say
 * what a person does; the scope group says where. A user in no scope group, or in several, has no
 * préfecture: they see no case.
 */
@Component
public class AgentScopes {

  private final IdentityService identity;

  AgentScopes(IdentityService identity) {
    this.identity = identity;
  }

  /** The département of the user's préfecture, read from their groups in the engine. */
  public Optional<String> departmentOf(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return departmentOf(groups);
  }

  /**
   * The département of the préfecture among these group ids (an authenticated user's), if exactly
   * one.
   */
  public static Optional<String> departmentOf(Collection<String> groupIds) {
    List<String> departments =
        groupIds == null
            ? List.of()
            : groupIds.stream()
                .map(ActorGroups.PREFECTURE_SCOPE::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .filter(d -> Prefectures.of(d).isPresent())
                .distinct()
                .toList();
    return departments.size() == 1 ? Optional.of(departments.get(0)) : Optional.empty();
  }

  /** {@code prefecture-59}. */
  public static String groupOf(String department) {
    return ActorGroups.PREFECTURE_SCOPE_PREFIX + department;
  }
}
