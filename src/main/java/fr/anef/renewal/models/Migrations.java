package fr.anef.renewal.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * Moving running cases from one version of a process to another with the engine's migration API
 * (Cockpit's migration screen is not in the Community Edition): a preview — the plan the engine
 * accepts (each wait state of the old version and where it goes), what it refuses, the cases
 * waiting and whether each can move — then the migration of the cases that can, as one batch the
 * job executor runs. ADR 0012.
 *
 * <p>The engine calls run without the caller's engine authorizations: the page is for analysts and
 * administrators (checked by the caller), and what it shows of a case is its N° de la demande and
 * where it waits, never its variables, which analysts may not read.
 */
@Service
public class Migrations {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;

  Migrations(RepositoryService repository, RuntimeService runtime, IdentityService identity) {
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** A wait state of the old version and where it goes in the new one. */
  public record Mapping(
      String sourceActivityId, String sourceName, String targetActivityId, String targetName) {}

  /** A case waiting on the old version: where, and whether it can move (else why not). */
  public record WaitingCase(
      String processInstanceId,
      String requestNumber,
      List<String> waitingAt,
      boolean movable,
      String reason) {}

  public record Preview(
      String key,
      int fromVersion,
      int toVersion,
      String sourceDefinitionId,
      String targetDefinitionId,
      List<Mapping> mappings,
      List<String> unmapped,
      List<WaitingCase> cases) {

    public List<WaitingCase> movable() {
      return cases.stream().filter(WaitingCase::movable).toList();
    }

    public List<WaitingCase> blocked() {
      return cases.stream().filter(c -> !c.movable()).toList();
    }
  }

  /** The versions of a process, newest first, with how many cases run on each. */
  public Map<Integer, Long> versions(String key) {
    return unauthenticated(
        () -> {
          Map<Integer, Long> versions = new TreeMap<>(java.util.Comparator.reverseOrder());
          for (ProcessDefinition definition :
              repository.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
            versions.put(
                definition.getVersion(),
                runtime
                    .createProcessInstanceQuery()
                    .processDefinitionId(definition.getId())
                    .count());
          }
          return versions;
        });
  }

  public Preview preview(String key, int fromVersion, int toVersion) {
    return unauthenticated(() -> build(key, fromVersion, toVersion));
  }

  /** Migrates the cases that can move, as one batch; the preview it applied. */
  public Applied apply(String key, int fromVersion, int toVersion) {
    return unauthenticated(
        () -> {
          Preview preview = build(key, fromVersion, toVersion);
          List<String> ids =
              preview.movable().stream().map(WaitingCase::processInstanceId).toList();
          if (ids.isEmpty()) {
            return new Applied(preview, null);
          }
          Batch batch =
              runtime
                  .newMigration(
                      plan(
                          preview.sourceDefinitionId(),
                          preview.targetDefinitionId(),
                          new ArrayList<>()))
                  .processInstanceIds(ids)
                  .executeAsync();
          return new Applied(preview, batch.getId());
        });
  }

  public record Applied(Preview preview, String batchId) {}

  private Preview build(String key, int fromVersion, int toVersion) {
    ProcessDefinition source = definition(key, fromVersion);
    ProcessDefinition target = definition(key, toVersion);
    List<String> unmapped = new ArrayList<>();
    MigrationPlan plan = plan(source.getId(), target.getId(), unmapped);
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    List<Mapping> mappings =
        plan.getInstructions().stream()
            .map(
                i ->
                    new Mapping(
                        i.getSourceActivityId(),
                        name(sourceModel, i.getSourceActivityId()),
                        i.getTargetActivityId(),
                        name(targetModel, i.getTargetActivityId())))
            .toList();
    Set<String> mapped = new LinkedHashSet<>();
    plan.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
    List<WaitingCase> cases = new ArrayList<>();
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionId(source.getId())
            .orderByProcessInstanceId()
            .asc()
            .list()) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      Set<String> at = new LinkedHashSet<>();
      leaves(tree, at);
      Set<String> scopes = new LinkedHashSet<>(at);
      scopes(tree, scopes);
      List<String> missing = scopes.stream().filter(a -> !mapped.contains(a)).toList();
      cases.add(
          new WaitingCase(
              instance.getId(),
              instance.getBusinessKey(),
              at.stream().map(a -> name(sourceModel, a)).toList(),
              missing.isEmpty(),
              missing.isEmpty()
                  ? null
                  : "attend à « "
                      + String.join(
                          " », « ", missing.stream().map(a -> name(sourceModel, a)).toList())
                      + " », qui n'a pas d'équivalent dans la version "
                      + toVersion));
    }
    return new Preview(
        key, fromVersion, toVersion, source.getId(), target.getId(), mappings, unmapped, cases);
  }

  /**
   * The engine's plan between two versions: every activity mapped to the activity of the same id
   * (the ids are stable); a timer already running keeps its due date (a deadline under way is not
   * restarted), the waits to come use the new version's durations; an instruction the engine
   * refuses is left out, and said.
   */
  private MigrationPlan plan(String sourceId, String targetId, List<String> refused) {
    try {
      return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      Set<String> failing = new LinkedHashSet<>();
      for (MigrationInstructionValidationReport report :
          e.getValidationReport().getInstructionReports()) {
        failing.add(report.getMigrationInstruction().getSourceActivityId());
        refused.add(
            report.getMigrationInstruction().getSourceActivityId()
                + " : "
                + String.join(" ; ", report.getFailures()));
      }
      MigrationPlanBuilder builder = runtime.createMigrationPlan(sourceId, targetId);
      MigrationPlan all = e.getValidationReport().getMigrationPlan();
      org.camunda.bpm.engine.migration.MigrationInstructionBuilder instructions = null;
      for (MigrationInstruction instruction : all.getInstructions()) {
        if (failing.contains(instruction.getSourceActivityId())) {
          continue;
        }
        instructions =
            (instructions == null ? builder : instructions)
                .mapActivities(
                    instruction.getSourceActivityId(), instruction.getTargetActivityId());
      }
      return instructions == null ? builder.build() : instructions.build();
    }
  }

  private static void leaves(ActivityInstance instance, Set<String> at) {
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      at.add(transition.getActivityId());
    }
    if (instance.getChildActivityInstances().length == 0
        && instance.getChildTransitionInstances().length == 0) {
      at.add(instance.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      leaves(child, at);
    }
  }

  /** The activities the case is inside (sub-processes), below the process itself. */
  private static void scopes(ActivityInstance instance, Set<String> at) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      at.add(child.getActivityId());
      scopes(child, at);
    }
  }

  private static String name(BpmnModelInstance model, String activityId) {
    FlowElement element = model.getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  private ProcessDefinition definition(String key, int version) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .processDefinitionVersion(version)
            .singleResult();
    if (definition == null) {
      throw new IllegalArgumentException(
          "Aucune version " + version + " du processus « " + key + " ».");
    }
    return definition;
  }

  private <T> T unauthenticated(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
