package fr.anef.renewal.filing;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.CaseScopes;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.shared.ClusterLock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cases filed by earlier versions, before each préfecture saw only its own (ADR 0016): at start-up,
 * under the cluster lock, once per database (engine property {@value #DONE}), the agents without a
 * préfecture join the Nord's (the one préfecture of earlier versions) and every filed case gets its
 * préfecture's grants — history for the ended ones, instance, history and tasks for the running
 * ones. At every start, a task still offered to the national role group (created by an earlier
 * version) goes to its case's préfecture.
 */
@Component
class PrefectureScopeMigration {

  static final String DONE = "anef.prefecture-scopes.v1";

  /** The préfecture that instructed every case before (anef.filing.default-department). */
  static final String FORMER_DEPARTMENT = "59";

  private static final Logger LOG = LoggerFactory.getLogger(PrefectureScopeMigration.class);

  private final Cases cases;
  private final CaseScopes scopes;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ClusterLock lock;
  private final IdentityService identity;

  PrefectureScopeMigration(
      Cases cases,
      CaseScopes scopes,
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      ClusterLock lock,
      IdentityService identity) {
    this.identity = identity;
    this.cases = cases;
    this.scopes = scopes;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.lock = lock;
  }

  /** After the groups (AccessSetup) and the demo data. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void migrate() {
    lock.exclusively(ClusterLock.START_UP, this::migrateUnderLock);
  }

  void migrateUnderLock() {
    if (!management.getProperties().containsKey(DONE)) {
      // Agents of earlier versions worked for the one préfecture that instructed everything (the
      // Nord, the former anef.filing.default-department): they keep its cases. Others are added in
      // Camunda Admin.
      for (User agent : identity.createUserQuery().memberOfGroup(CaseScopes.ROLE).list()) {
        List<String> groups =
            identity.createGroupQuery().groupMember(agent.getId()).list().stream()
                .map(Group::getId)
                .toList();
        if (groups.stream().noneMatch(g -> AgentScopes.GROUP.matcher(g).matches())) {
          identity.createMembership(agent.getId(), AgentScopes.groupOf(FORMER_DEPARTMENT));
          LOG.info(
              "Agent {} rattaché à la {} (préfecture unique des versions précédentes)",
              agent.getId(),
              Prefectures.name(FORMER_DEPARTMENT));
        }
      }
      Set<CaseStatus> filed =
          Arrays.stream(CaseStatus.values())
              .filter(s -> s != CaseStatus.DRAFT)
              .collect(Collectors.toSet());
      int open = 0;
      int ended = 0;
      for (RenewalCase renewal : cases.inStatus(filed)) {
        boolean running =
            runtime
                    .createProcessInstanceQuery()
                    .processInstanceId(renewal.getProcessInstanceId())
                    .count()
                > 0;
        if (running) {
          scopes.assign(renewal.getProcessInstanceId(), renewal.getDepartment());
          open++;
        } else if (renewal.getRequestNumber() != null) {
          scopes.assignHistory(renewal.getProcessInstanceId(), renewal.getDepartment());
          ended++;
        }
      }
      management.setProperty(DONE, "1");
      LOG.info(
          "Demandes d'avant les préfectures : {} en cours et {} terminées rattachées à leur préfecture",
          open,
          ended);
    }
    for (Task task : tasks.createTaskQuery().taskCandidateGroup(CaseScopes.ROLE).list()) {
      cases
          .byProcessInstance(task.getProcessInstanceId())
          .ifPresent(
              renewal -> scopes.assign(renewal.getProcessInstanceId(), renewal.getDepartment()));
    }
  }
}
