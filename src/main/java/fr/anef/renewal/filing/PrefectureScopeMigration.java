package fr.anef.renewal.filing;

import fr.anef.renewal.prefecture.CaseScopes;
import fr.anef.renewal.shared.ClusterLock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cases filed by earlier versions, before each préfecture saw only its own (ADR 0016): at start-up, under the cluster
 * lock, once per database (engine property {@value #DONE}), every filed case gets its préfecture's grants — history
 * for the ended ones, instance, history and tasks for the running ones. At every start, a task still offered to the
 * national role group (created by an earlier version) goes to its case's préfecture.
 */
@Component
class PrefectureScopeMigration {

  static final String DONE = "anef.prefecture-scopes.v1";
  private static final Logger LOG = LoggerFactory.getLogger(PrefectureScopeMigration.class);

  private final RenewalCaseRepository cases;
  private final CaseScopes scopes;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ClusterLock lock;

  PrefectureScopeMigration(RenewalCaseRepository cases, CaseScopes scopes, RuntimeService runtime, TaskService tasks,
      ManagementService management, ClusterLock lock) {
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
      Set<CaseStatus> filed = Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.DRAFT)
          .collect(Collectors.toSet());
      int open = 0;
      int ended = 0;
      for (RenewalCase renewal : cases.findByStatusIn(filed)) {
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(renewal.getProcessInstanceId())
            .count() > 0;
        if (running) {
          scopes.assign(renewal.getProcessInstanceId(), renewal.getDepartment());
          open++;
        } else if (renewal.getRequestNumber() != null) {
          scopes.assignHistory(renewal.getProcessInstanceId(), renewal.getDepartment());
          ended++;
        }
      }
      management.setProperty(DONE, "1");
      LOG.info("Demandes d'avant les préfectures : {} en cours et {} terminées rattachées à leur préfecture", open, ended);
    }
    for (Task task : tasks.createTaskQuery().taskCandidateGroup(CaseScopes.ROLE).list()) {
      cases.findByProcessInstanceId(task.getProcessInstanceId())
          .ifPresent(renewal -> scopes.assign(renewal.getProcessInstanceId(), renewal.getDepartment()));
    }
  }
}
