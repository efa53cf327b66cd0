package fr.anef.renewal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.prefecture.PrefectureTenants;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of an earlier version (one préfecture, national grants) keeps working after the
 * upgrade.
 */
@EngineTest
class PrefectureScopeMigrationTests {

  @Autowired TestFilings filings;
  @Autowired PrefectureScopeMigration migration;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  /** Tables of the engine an earlier version left without tenant (a sample of each kind). */
  static final List<String> TABLES =
      List.of(
          "ACT_RU_EXECUTION",
          "ACT_RU_TASK",
          "ACT_RU_VARIABLE",
          "ACT_HI_PROCINST",
          "ACT_HI_ACTINST",
          "ACT_HI_TASKINST",
          "ACT_HI_VARINST");

  @Test
  @DisplayName(
      "Au démarrage, une demande en cours d'une version précédente et ses agents sont rattachés à leur préfecture, une fois")
  void earlierCasesAndAgentsJoinTheirPrefecture() {
    Filed filed = filings.depositedCase(90);
    String instance = filed.processInstanceId();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    // As an earlier version left it: the task offered to every agent, per-case grants, the
    // instance in no tenant, an agent with no préfecture.
    tasks.deleteCandidateGroup(task, "prefecture-59");
    authorizations.createAuthorizationQuery().groupIdIn("prefecture-59").list().stream()
        .filter(a -> List.of(task, instance).contains(a.getResourceId()))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    tasks.addCandidateGroup(task, "prefecture-agents");
    Authorization perCase = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    perCase.setGroupId("prefecture-59");
    perCase.setResource(Resources.PROCESS_INSTANCE);
    perCase.setResourceId(instance);
    perCase.addPermission(Permissions.READ);
    authorizations.saveAuthorization(perCase);
    for (String table : TABLES) {
      jdbc.update("update " + table + " set TENANT_ID_ = null where PROC_INST_ID_ = ?", instance);
    }
    User former = identity.newUser("agent.ancien" + System.nanoTime());
    identity.saveUser(former);
    identity.createMembership(former.getId(), "prefecture-agents");
    management.deleteProperty(PrefectureScopeMigration.DONE);
    management.deleteProperty(PrefectureScopeMigration.TENANTS_DONE);

    migration.migrateUnderLock();
    migration.migrateUnderLock(); // a second start changes nothing

    assertThat(tasks.getIdentityLinksForTask(task))
        .extracting(l -> l.getGroupId())
        .containsExactly("prefecture-59");
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("prefecture-agents")
                .resourceId(task)
                .count())
        .as("the national grant on the task is gone")
        .isZero();
    assertThat(authorizations.createAuthorizationQuery().resourceId(instance).count())
        .as("the per-case grant of earlier versions is gone")
        .isZero();
    for (String table : TABLES) {
      assertThat(
              jdbc.queryForList(
                  "select distinct TENANT_ID_ from " + table + " where PROC_INST_ID_ = ?",
                  String.class,
                  instance))
          .as(table)
          .containsExactly("prefecture-59");
    }
    assertThat(
            identity
                .createUserQuery()
                .userId(former.getId())
                .memberOfGroup("prefecture-59")
                .count())
        .isEqualTo(1);
    assertThat(management.getProperties()).containsKey(PrefectureScopeMigration.DONE);

    identity.setAuthentication(
        former.getId(),
        List.of("prefecture-agents", "prefecture-59"),
        PrefectureTenants.ofGroups(identity, List.of("prefecture-agents", "prefecture-59")));
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count())
          .isEqualTo(1);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count())
          .as("its history from before")
          .isPositive();
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication(
        "agent.paris",
        List.of("prefecture-agents", "prefecture-75"),
        PrefectureTenants.ofGroups(identity, List.of("prefecture-agents", "prefecture-75")));
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
          .isZero();
    } finally {
      identity.clearAuthentication();
    }
  }
}
