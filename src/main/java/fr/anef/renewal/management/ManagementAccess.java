package fr.anef.renewal.management;

import fr.anef.renewal.shared.ClusterLock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role group {@value ManagerScope#MANAGERS} of every installation, created when missing (after
 * the security module's groups, before the demo users); with the demo ({@code anef.demo.enabled}),
 * the managers {@code manager.lille} (Nord) and {@code manager.paris} (préfecture de police) in
 * their préfectures' scope groups (created with every préfecture's by the security module's
 * set-up), created when missing, under the start-up lock of every node (ADR 0009).
 */
@Component
class ManagementAccess {

  static final String DEMO_PASSWORD = "Demo-2026!";

  private final IdentityService identity;
  private final ClusterLock lock;
  private final boolean demo;

  ManagementAccess(
      IdentityService identity,
      ClusterLock lock,
      @Value("${anef.demo.enabled:false}") boolean demo) {
    this.identity = identity;
    this.lock = lock;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  void setUp() {
    lock.exclusively(ClusterLock.START_UP, this::createMissing);
  }

  private void createMissing() {
    group(
        ManagerScope.MANAGERS,
        "Responsables de préfecture (tableau de bord)",
        Groups.GROUP_TYPE_WORKFLOW);
    if (!demo) {
      return;
    }
    // The scope groups prefecture-59 and prefecture-75 are the security module's (AccessSetup, run
    // before).
    manager(
        "manager.lille", "Responsable", "Préfecture du Nord", "manager.lille@nord.gouv.fr", "59");
    manager(
        "manager.paris",
        "Responsable",
        "Préfecture de police",
        "manager.paris@interieur.gouv.fr",
        "75");
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void manager(
      String id, String firstName, String lastName, String email, String department) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(DEMO_PASSWORD);
      identity.saveUser(user);
    }
    for (String group : new String[] {ManagerScope.MANAGERS, ManagerScope.groupOf(department)}) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
