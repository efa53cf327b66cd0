package fr.anef.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine at national scale: the authorization check no longer reads the whole authorization
 * table for a user in a few groups, and gives the same answers; due jobs are acquired by due date
 * through their index.
 */
@EngineTest
class EngineAtScaleTests {

  static final String PROBE = "engine-at-scale-probe";

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired DataSource dataSource;

  @BeforeEach
  void deployProbe() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
      repository
          .createDeployment()
          .addModelInstance(
              PROBE + ".bpmn",
              Bpmn.createExecutableProcess(PROBE)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .exclusiveGateway("way")
                  .condition("timer", "${way == 'timer'}")
                  .intermediateCatchEvent("wait")
                  .name("Une heure d'attente")
                  .timerWithDuration("PT1H")
                  .endEvent()
                  .moveToNode("way")
                  .condition("async", "${way == 'async'}")
                  .serviceTask("later")
                  .camundaAsyncBefore()
                  .camundaExpression("${true}")
                  .endEvent()
                  .moveToNode("way")
                  .condition("task", "${way == 'task'}")
                  .userTask("probeTask")
                  .camundaCandidateGroups("probe-team")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identity.clearAuthentication();
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROBE)
        .list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test"));
  }

  ProcessInstance start(String way) {
    return runtime.startProcessInstanceByKey(PROBE, java.util.Map.of("way", way));
  }

  @Test
  @DisplayName(
      "Le moteur DMN de l'application répond aux littéraux sans FEEL et passe le reste à FEEL (LiteralFeel)")
  void dmnEngineAnswersLiteralsFirst() {
    var feel = configuration.getDmnEngineConfiguration().getFeelEngine();
    assertThat(feel.getClass().getName()).isEqualTo(LiteralFeel.class.getName() + "$Engine");
    var variables =
        org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue("n", 2)
            .asVariableContext();
    assertThat((Object) feel.evaluateSimpleExpression("\"OWN\"", variables)).isEqualTo("OWN");
    assertThat((Object) feel.evaluateSimpleExpression("n * 2", variables)).isEqualTo(4L);
  }

  @Test
  @DisplayName(
      "Un agent dans peu de groupes : pas de lecture de toute la table des autorisations, et les mêmes tâches visibles")
  void authorizationCheckWithoutTheWholeTableScan() {
    Object manager =
        configuration
            .getCommandExecutorTxRequired()
            .execute(context -> context.getSession(AuthorizationManager.class));
    assertThat(manager).isInstanceOf(DirectGroupsAuthorizationManager.class);

    ProcessInstance instance = start("task");
    String taskId =
        tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    // The engine granted the candidate group « probe-team » the task. In that group (and in a group
    // that holds
    // no grant): the task; in neither: nothing.
    identity.setAuthentication("probe.agent", List.of("probe-team", "no-grant-group"));
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list())
        .extracting("id")
        .containsExactly(taskId);
    identity.setAuthentication("probe.outsider", List.of("no-grant-group"));
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

    // The scan itself: the manager keeps what it read of the table (one read per command); for a
    // user in two
    // groups it reads nothing and keeps both groups, for a user in more than DIRECT_GROUPS_MAX
    // groups it reads
    // the table as the engine does and keeps the groups that hold a grant.
    List<String> many =
        new ArrayList<>(
            IntStream.rangeClosed(1, DirectGroupsAuthorizationManager.DIRECT_GROUPS_MAX)
                .mapToObj(i -> "no-grant-group-" + i)
                .toList());
    many.add("probe-team");
    configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              AuthorizationManager few = context.getSession(AuthorizationManager.class);
              assertThat(few.filterAuthenticatedGroupIds(List.of("probe-team", "no-grant-group")))
                  .containsExactly("probe-team", "no-grant-group");
              assertThat(groupsReadFromTheTable(few)).isNull();
              assertThat(few.filterAuthenticatedGroupIds(many)).containsExactly("probe-team");
              assertThat(groupsReadFromTheTable(few))
                  .contains("probe-team")
                  .doesNotContain("no-grant-group-1");
              return null;
            });
  }

  /**
   * The engine's own cache of {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} for the
   * command.
   */
  @SuppressWarnings("unchecked")
  static Set<String> groupsReadFromTheTable(AuthorizationManager manager) {
    try {
      Field read = AuthorizationManager.class.getDeclaredField("availableAuthorizedGroupIds");
      read.setAccessible(true);
      return (Set<String>) read.get(manager);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName(
      "Les tâches différées sont prises par date d'échéance, à l'échéance seulement, au moyen de leur index")
  void jobsAcquiredByDueDate() throws SQLException {
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");

    ProcessInstance async = start("async");
    Job continuation = management.createJobQuery().processInstanceId(async.getId()).singleResult();
    assertThat(continuation.getDuedate()).isNotNull();
    ProcessInstance timer = start("timer");
    Job wait = management.createJobQuery().processInstanceId(timer.getId()).singleResult();

    assertThat(dueJobs()).contains(continuation.getId()).doesNotContain(wait.getId());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));
    assertThat(dueJobs()).contains(continuation.getId(), wait.getId());
  }

  /** The job executor's own acquisition query (without locking the jobs it finds). */
  List<String> dueJobs() {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.getJobManager().findNextJobsToExecute(new Page(0, 10_000)).stream()
                    .map(AcquirableJobEntity::getId)
                    .toList());
  }

  List<String> indexedColumns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase() : table;
      try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
        while (rs.next()) {
          if (rs.getString("COLUMN_NAME") != null) {
            columns.add(rs.getString("COLUMN_NAME").toUpperCase());
          }
        }
      }
    }
    return columns;
  }
}
