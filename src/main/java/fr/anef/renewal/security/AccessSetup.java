package fr.anef.renewal.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import fr.anef.renewal.prefecture.Prefecture;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.ClusterLock;
import fr.anef.renewal.shared.GroupGrants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups, authorizations and Tasklist filters of every installation (production too), created when
 * missing. Applicants get Tasklist and the right to start the renewal; what they read of an
 * instance comes only from the task grants the engine gives the assignee. Agents get Tasklist,
 * Cockpit and the renewal's instances; analysts deploy models.
 */
@Component
class AccessSetup {

  static final String APPLICANTS = ActorGroups.APPLICANTS;
  static final String PREFECTURE_AGENTS = ActorGroups.PREFECTURE_AGENTS;
  static final String OFII_DOCTORS = ActorGroups.OFII_DOCTORS;
  static final String OFII_COLLEGE = ActorGroups.OFII_COLLEGE;
  static final String OFII_PROCESS = OfiiMedicalOpinionProcess.KEY;
  static final String ANALYSTS = ActorGroups.ANALYSTS;
  static final String MONITORING = "monitoring";
  static final String RENEWAL = RenewalProcess.KEY;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final ClusterLock lock;
  private final AdminUserProperty firstAdministrator;
  private final PlatformTransactionManager transactions;

  /** The groups found at the start of {@link #createMissing}, under the start-up lock. */
  private Set<String> existingGroups = Set.of();

  /** The tenants found under the start-up lock. */
  private Set<String> existingTenants = Set.of();

  AccessSetup(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks,
      ClusterLock lock,
      CamundaBpmProperties camunda,
      PlatformTransactionManager transactions) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.lock = lock;
    this.firstAdministrator = camunda.getAdminUser();
    this.transactions = transactions;
  }

  /**
   * Runs before the demo data, which joins users to these groups; one node at a time, so that nodes
   * started together on an empty database create each group, grant and filter once (ADR 0009).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void setUp() {
    lock.exclusively(ClusterLock.START_UP, this::createMissing);
  }

  private void createMissing() {
    // Which of the groups exist already: one query, not one per group (more than a hundred with the
    // préfectures).
    List<String> wanted =
        new ArrayList<>(
            List.of(
                Groups.CAMUNDA_ADMIN,
                APPLICANTS,
                PREFECTURE_AGENTS,
                OFII_DOCTORS,
                OFII_COLLEGE,
                ANALYSTS,
                MONITORING));
    Prefectures.all().forEach(prefecture -> wanted.add(prefecture.group()));
    existingGroups =
        identity.createGroupQuery().groupIdIn(wanted.toArray(String[]::new)).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    group(Groups.CAMUNDA_ADMIN, "Administrateurs", Groups.GROUP_TYPE_SYSTEM);
    group(APPLICANTS, "Usagers", Groups.GROUP_TYPE_WORKFLOW);
    group(PREFECTURE_AGENTS, "Agents instructeurs de la préfecture", Groups.GROUP_TYPE_WORKFLOW);
    group(OFII_DOCTORS, "Médecins de l'OFII", Groups.GROUP_TYPE_WORKFLOW);
    group(OFII_COLLEGE, "Collège de médecins de l'OFII", Groups.GROUP_TYPE_WORKFLOW);
    group(ANALYSTS, "Analystes des processus", Groups.GROUP_TYPE_WORKFLOW);
    group(MONITORING, "Supervision (métriques)", Groups.GROUP_TYPE_SYSTEM);

    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, ALL);
    }

    grant(APPLICANTS, Resources.APPLICATION, "tasklist", ACCESS);
    grant(APPLICANTS, Resources.PROCESS_DEFINITION, RENEWAL, READ, CREATE_INSTANCE);
    grant(APPLICANTS, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);

    grant(PREFECTURE_AGENTS, Resources.APPLICATION, "tasklist", ACCESS);
    grant(PREFECTURE_AGENTS, Resources.APPLICATION, "cockpit", ACCESS);
    // CREATE_INSTANCE: the counter route, where an agent opens a renewal for a person at the
    // counter. READ_INSTANCE, READ_HISTORY and READ_TASK on the renewal reach the cases of the
    // agent's préfecture only, through its tenant (ADR 0043); they are granted by the préfecture
    // migration once every instance has its tenant (filing.PrefectureScopeMigration). Working on a
    // task (claim, complete) stays the grant of the scope group it is offered to.
    grant(PREFECTURE_AGENTS, Resources.PROCESS_DEFINITION, RENEWAL, READ, CREATE_INSTANCE);
    // One scope group per préfecture (prefecture-59, prefecture-75…): where an agent works; the
    // role group says what. Each has the tenant of the same id, which holds the préfecture's cases;
    // the applicants and the OFII are members of every tenant (what they read is their grants').
    existingTenants =
        identity.createTenantQuery().list().stream().map(Tenant::getId).collect(Collectors.toSet());
    tenant(PrefectureTenants.DRAFTS, "Brouillons des usagers (aucune préfecture)", APPLICANTS);
    for (Prefecture prefecture : Prefectures.all()) {
      group(prefecture.group(), prefecture.name(), Groups.GROUP_TYPE_WORKFLOW);
      tenant(
          PrefectureTenants.of(prefecture.department()),
          prefecture.name(),
          prefecture.group(),
          APPLICANTS,
          OFII_DOCTORS,
          OFII_COLLEGE);
    }
    grant(PREFECTURE_AGENTS, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
    grant(PREFECTURE_AGENTS, Resources.DECISION_DEFINITION, Authorization.ANY, READ);

    // Medical secrecy: only the OFII groups get anything on ofii-medical-opinion (definition,
    // instances, tasks,
    // history, variables); the préfecture's agents get nothing on it, applicants neither.
    for (String ofii : new String[] {OFII_DOCTORS, OFII_COLLEGE}) {
      grant(ofii, Resources.APPLICATION, "tasklist", ACCESS);
      grant(
          ofii,
          Resources.PROCESS_DEFINITION,
          OFII_PROCESS,
          READ,
          READ_INSTANCE,
          READ_HISTORY,
          READ_TASK);
    }
    grant(OFII_DOCTORS, Resources.APPLICATION, "cockpit", ACCESS);

    grant(ANALYSTS, Resources.APPLICATION, "cockpit", ACCESS);
    grant(ANALYSTS, Resources.DEPLOYMENT, Authorization.ANY, CREATE, READ);
    grant(ANALYSTS, Resources.PROCESS_DEFINITION, Authorization.ANY, READ);
    grant(ANALYSTS, Resources.DECISION_DEFINITION, Authorization.ANY, READ);
    grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);

    firstAdministrator();

    filter(
        "Mes démarches",
        "Les étapes de vos demandes",
        -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        APPLICANTS,
        PREFECTURE_AGENTS,
        OFII_DOCTORS,
        OFII_COLLEGE);
    // The tasks offered to one of the agent's groups: their préfecture's scope group (ADR 0016).
    filter(
        "Demandes à examiner",
        "Demandes déposées, à examiner par la préfecture",
        0,
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        PREFECTURE_AGENTS);
    filter(
        "Dossiers médicaux",
        "Certificats à enregistrer, rapports à rédiger (OFII)",
        1,
        tasks.createTaskQuery().taskCandidateGroup(OFII_DOCTORS).includeAssignedTasks(),
        OFII_DOCTORS);
    filter(
        "Collège de médecins",
        "Avis du collège à rendre (OFII)",
        2,
        tasks.createTaskQuery().taskCandidateGroup(OFII_COLLEGE).includeAssignedTasks(),
        OFII_COLLEGE);
  }

  /**
   * The first administrator, from the configuration ({@code camunda.bpm.admin-user}: environment
   * {@code CAMUNDA_BPM_ADMIN_USER_ID}, {@code CAMUNDA_BPM_ADMIN_USER_PASSWORD}), created here under
   * the start-up lock rather than by the starter's own check-then-create (StarterAdminUserOff).
   */
  private void firstAdministrator() {
    String id = firstAdministrator == null ? null : firstAdministrator.getId();
    if (id == null || id.isBlank() || identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setPassword(firstAdministrator.getPassword());
    user.setFirstName(firstAdministrator.getFirstName());
    user.setLastName(firstAdministrator.getLastName());
    user.setEmail(firstAdministrator.getEmail());
    identity.saveUser(user);
    identity.createMembership(id, Groups.CAMUNDA_ADMIN);
  }

  /**
   * A tenant and its group memberships, when the tenant is missing: in one transaction (a start
   * stopped half-way leaves no tenant without its members).
   */
  private void tenant(String id, String name, String... memberGroups) {
    if (existingTenants.contains(id)) {
      return;
    }
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              Tenant tenant = identity.newTenant(id);
              tenant.setName(name);
              identity.saveTenant(tenant);
              for (String group : memberGroups) {
                identity.createTenantGroupMembership(id, group);
              }
            });
  }

  private void group(String id, String name, String type) {
    if (!existingGroups.contains(id)) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private static boolean sameQuery(
      org.camunda.bpm.engine.query.Query<?, ?> saved, TaskQuery wanted) {
    var json = new org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter();
    return json.toJsonObject((TaskQuery) saved)
        .toString()
        .equals(json.toJsonObject(wanted).toString());
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    GroupGrants.grant(authorizations, groupId, resource, resourceId, permissions);
  }

  private void filter(
      String name, String description, int priority, TaskQuery query, String... readers) {
    Filter filter =
        filters.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setOwner("admin");
      filter.setQuery(query);
      filter.setProperties(
          Map.of("description", description, "priority", priority, "refresh", true));
      filters.saveFilter(filter);
    } else if (!sameQuery(filter.getQuery(), query)) {
      // A filter made by an earlier version (« Demandes à examiner » offered every préfecture's
      // tasks): the code's.
      filter.setQuery(query);
      filters.saveFilter(filter);
    }
    for (String reader : readers) {
      grant(reader, Resources.FILTER, filter.getId(), READ);
    }
  }
}
