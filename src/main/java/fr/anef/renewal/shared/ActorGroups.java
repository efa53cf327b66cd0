package fr.anef.renewal.shared;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The engine's groups of the people who act on a case, in one place: the security set-up creates
 * them, the models offer tasks to them (candidate groups in the BPMN), the pages check them.
 */
public final class ActorGroups {

  /** « Usagers »: the applicants, who file online. */
  public static final String APPLICANTS = "applicants";

  /**
   * « Agents instructeurs des préfectures »: the role; an agent also belongs to their préfecture's
   * scope group.
   */
  public static final String PREFECTURE_AGENTS = "prefecture-agents";

  /**
   * « Responsables de préfecture » (managers' view); they also belong to their préfecture's scope
   * group.
   */
  public static final String PREFECTURE_MANAGERS = "prefecture-managers";

  /**
   * The scope group of one préfecture is this prefix and its département: {@code prefecture-59}.
   */
  public static final String PREFECTURE_SCOPE_PREFIX = "prefecture-";

  /** A département code of the préfectures' table: 01–95, 2A, 2B, 971–976. */
  public static final String DEPARTMENT = "2A|2B|\\d{2,3}";

  /** The scope groups' ids: {@code prefecture-} and a département code; group 1 is the code. */
  public static final Pattern PREFECTURE_SCOPE =
      Pattern.compile("^" + PREFECTURE_SCOPE_PREFIX + "(" + DEPARTMENT + ")$");

  /** Whether a group is a préfecture's scope group (not a role group). */
  public static boolean isPrefectureScope(String groupId) {
    return groupId != null && PREFECTURE_SCOPE.matcher(groupId).matches();
  }

  /** « Médecins de l'OFII » (certificate, report). */
  public static final String OFII_DOCTORS = "ofii-doctors";

  /** « Collège de médecins de l'OFII ». */
  public static final String OFII_COLLEGE = "ofii-college";

  /** Process analysts (Cockpit, deployments). */
  public static final String ANALYSTS = "analysts";

  /** The engine's administrators (Camunda Admin). */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  private ActorGroups() {}
}
