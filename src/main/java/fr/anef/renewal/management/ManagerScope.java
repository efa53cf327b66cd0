package fr.anef.renewal.management;

import fr.anef.renewal.shared.ActorGroups;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which préfecture a manager manages: the département of their scope group {@code
 * prefecture-<département>} ({@code prefecture-59}, {@code prefecture-75}, {@code prefecture-2A},
 * {@code prefecture-971}). A manager in none, or in several, manages nothing: refused rather than
 * guessed.
 */
final class ManagerScope {

  static final String MANAGERS = ActorGroups.PREFECTURE_MANAGERS;
  static final Pattern SCOPE_GROUP = Pattern.compile("^prefecture-(2A|2B|\\d{2,3})$");

  private ManagerScope() {}

  static String groupOf(String department) {
    return ActorGroups.PREFECTURE_SCOPE_PREFIX + department;
  }

  /** The département of the one scope group among {@code groups}; empty if none or several. */
  static Optional<String> departmentOf(Collection<String> groups) {
    List<String> departments =
        groups.stream()
            .map(SCOPE_GROUP::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .distinct()
            .toList();
    return departments.size() == 1 ? Optional.of(departments.get(0)) : Optional.empty();
  }
}
