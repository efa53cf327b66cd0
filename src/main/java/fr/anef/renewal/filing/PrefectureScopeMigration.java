package fr.anef.renewal.filing;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.engine.InstanceTenants;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.CaseScopes;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.ClusterLock;
import fr.anef.renewal.shared.GroupGrants;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
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
 * Cases filed by earlier versions, before each préfecture saw only its own (ADR 0016, ADR 0043): at
 * start-up, under the cluster lock, once per database, the agents without a préfecture join the
 * Nord's (the one préfecture of earlier versions; engine property {@value #DONE}), then every
 * renewal instance without a tenant — running or ended, runtime and history — goes to its case's
 * préfecture's tenant (an online draft to the drafts' tenant), the per-case grants of earlier
 * versions are deleted, and the agents' role group gets its préfecture's instances, tasks and
 * history through the renewal's definition (property {@value #TENANTS_DONE}; in that order, so that
 * no agent reads an instance before it has its tenant). At every start, a task still offered to the
 * national role group (created by an earlier version) goes to its case's préfecture.
 */
@Component
class PrefectureScopeMigration {

  static final String DONE = "anef.prefecture-scopes.v1";

  static final String TENANTS_DONE = "anef.prefecture-tenants.v1";

  /** The préfecture that instructed every case before (anef.filing.default-department). */
  static final String FORMER_DEPARTMENT = "59";

  /**
   * Each case's instance and its tenant: a request never filed online (a draft, or a draft
   * abandoned) the drafts', any other case its préfecture's.
   */
  static final String CASE_TENANTS =
      "select process_instance_id as pid, case when request_number is null and counter_agent_id is null"
          + " then '"
          + PrefectureTenants.DRAFTS
          + "' else '"
          + ActorGroups.PREFECTURE_SCOPE_PREFIX
          + "' || coalesce(department, '"
          + FORMER_DEPARTMENT
          + "') end as tenant from renewal_case";

  /**
   * Renewal instances left without a case (none is expected): the drafts' tenant, where no agent
   * reads them.
   */
  static final String ORPHAN_TENANTS =
      "select ID_ as pid, '"
          + PrefectureTenants.DRAFTS
          + "' as tenant from ACT_HI_PROCINST where PROC_DEF_KEY_ = '"
          + RenewalProcess.KEY
          + "'";

  private static final Logger LOG = LoggerFactory.getLogger(PrefectureScopeMigration.class);

  private final Cases cases;
  private final CaseScopes scopes;
  private final TaskService tasks;
  private final ManagementService management;
  private final ClusterLock lock;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final InstanceTenants tenants;

  PrefectureScopeMigration(
      Cases cases,
      CaseScopes scopes,
      TaskService tasks,
      ManagementService management,
      ClusterLock lock,
      IdentityService identity,
      AuthorizationService authorizations,
      InstanceTenants tenants) {
    this.identity = identity;
    this.cases = cases;
    this.scopes = scopes;
    this.tasks = tasks;
    this.management = management;
    this.lock = lock;
    this.authorizations = authorizations;
    this.tenants = tenants;
  }

  /** After the groups and tenants (AccessSetup) and the demo data. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void migrate() {
    lock.exclusively(ClusterLock.START_UP, this::migrateUnderLock);
  }

  void migrateUnderLock() {
    Map<String, String> done = management.getProperties();
    if (!done.containsKey(DONE)) {
      // Agents of earlier versions worked for the one préfecture that instructed everything (the
      // Nord, the former anef.filing.default-department): they keep its cases. Others are added in
      // Camunda Admin.
      for (User agent : identity.createUserQuery().memberOfGroup(CaseScopes.ROLE).list()) {
        List<String> groups =
            identity.createGroupQuery().groupMember(agent.getId()).list().stream()
                .map(Group::getId)
                .toList();
        if (groups.stream().noneMatch(ActorGroups::isPrefectureScope)) {
          identity.createMembership(agent.getId(), AgentScopes.groupOf(FORMER_DEPARTMENT));
          LOG.info(
              "Agent {} rattaché à la {} (préfecture unique des versions précédentes)",
              agent.getId(),
              Prefectures.name(FORMER_DEPARTMENT));
        }
      }
      management.setProperty(DONE, "1");
    }
    if (!done.containsKey(TENANTS_DONE)) {
      int rows = assignMissingTenants();
      int grants = 0;
      for (Resources resource :
          List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
        for (Authorization grant :
            authorizations.createAuthorizationQuery().resourceType(resource).list()) {
          if (grant.getGroupId() != null
              && ActorGroups.isPrefectureScope(grant.getGroupId())
              && !Authorization.ANY.equals(grant.getResourceId())) {
            authorizations.deleteAuthorization(grant.getId());
            grants++;
          }
        }
      }
      GroupGrants.grant(
          authorizations,
          CaseScopes.ROLE,
          Resources.PROCESS_DEFINITION,
          RenewalProcess.KEY,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      // Again: what a command already running during the first pass wrote without a tenant.
      rows += assignMissingTenants();
      management.setProperty(TENANTS_DONE, "1");
      LOG.info(
          "Tenants des préfectures : {} lignes du moteur rattachées, {} droits par demande supprimés",
          rows,
          grants);
    }
    // At every start: a renewal still running without tenant (written by a node of an earlier
    // version during the upgrade) would be read by every agent; one index read when there is none.
    long untenanted = tenants.runningWithoutTenant(RenewalProcess.KEY);
    if (untenanted > 0) {
      LOG.warn(
          "{} exécutions de demandes sans tenant de préfecture : rattachées ({} lignes)",
          untenanted,
          assignMissingTenants());
    }
    for (Task task : tasks.createTaskQuery().taskCandidateGroup(CaseScopes.ROLE).list()) {
      cases
          .byProcessInstance(task.getProcessInstanceId())
          .ifPresent(
              renewal -> scopes.assign(renewal.getProcessInstanceId(), renewal.getDepartment()));
    }
  }

  private int assignMissingTenants() {
    return tenants.assignMissing(CASE_TENANTS) + tenants.assignMissing(ORPHAN_TENANTS);
  }
}
