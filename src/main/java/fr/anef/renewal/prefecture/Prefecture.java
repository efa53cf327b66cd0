package fr.anef.renewal.prefecture;

/**
 * A préfecture competent for residence permits: the département's INSEE code ({@code 59}, {@code
 * 2A}, {@code 971}), the département's name, the préfecture's name as a person reads it («
 * Préfecture du Nord », « Préfecture de police ») and its seat.
 */
public record Prefecture(String department, String departmentName, String name, String seat) {

  /** The scope group of its agents: {@code prefecture-59}. */
  public String group() {
    return AgentScopes.groupOf(department);
  }
}
