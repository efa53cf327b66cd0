package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import fr.anef.renewal.EngineTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The groups and grants every start makes sure of: written when missing, never again when already
 * there.
 */
@EngineTest
class AccessSetupTests {

  /**
   * The groups whose type-level grants the set-up owns (not the per-case grants of the scope
   * groups).
   */
  static final List<String> GROUPS =
      List.of(
          "camunda-admin",
          AccessSetup.APPLICANTS,
          AccessSetup.PREFECTURE_AGENTS,
          AccessSetup.OFII_DOCTORS,
          AccessSetup.OFII_COLLEGE,
          AccessSetup.ANALYSTS);

  @Autowired AccessSetup setup;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "Un nouveau démarrage ne réécrit aucune autorisation déjà accordée et rétablit ce qui manque")
  void aNewStartWritesOnlyWhatIsMissing() {
    setup.setUp();
    Map<String, Integer> revisions = grantRevisions();
    assertThat(revisions).hasSizeGreaterThan(30);

    setup.setUp();

    assertThat(grantRevisions()).as("no grant written again").isEqualTo(revisions);

    // What an operator removed by hand comes back at the next start: a permission of a grant, a
    // préfecture's group.
    Authorization applicants =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(AccessSetup.APPLICANTS)
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(AccessSetup.RENEWAL)
            .singleResult();
    applicants.removePermission(CREATE_INSTANCE);
    authorizations.saveAuthorization(applicants);
    identity.deleteGroup("prefecture-976");
    assertThat(identity.createGroupQuery().groupId("prefecture-976").count()).isZero();

    setup.setUp();

    Authorization restored =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(AccessSetup.APPLICANTS)
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(AccessSetup.RENEWAL)
            .singleResult();
    assertThat(restored.isPermissionGranted(CREATE_INSTANCE)).isTrue();
    assertThat(restored.isPermissionGranted(READ)).isTrue();
    Group mayotte = identity.createGroupQuery().groupId("prefecture-976").singleResult();
    assertThat(mayotte).isNotNull();
    assertThat(mayotte.getName()).isEqualTo("Préfecture de Mayotte");
  }

  /** Id → revision of the set-up's own grants (a grant written again gets a new revision). */
  private Map<String, Integer> grantRevisions() {
    String groups = GROUPS.stream().map(g -> "'" + g + "'").collect(Collectors.joining(","));
    return jdbc
        .queryForList(
            "select ID_, REV_ from ACT_RU_AUTHORIZATION where TYPE_ = 1 and GROUP_ID_ in ("
                + groups
                + ") and RESOURCE_TYPE_ not in (?, ?, ?, ?)",
            Resources.TASK.resourceType(),
            Resources.PROCESS_INSTANCE.resourceType(),
            Resources.HISTORIC_TASK.resourceType(),
            Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
        .stream()
        .collect(
            Collectors.toMap(
                row -> (String) row.get("ID_"), row -> ((Number) row.get("REV_")).intValue()));
  }
}
