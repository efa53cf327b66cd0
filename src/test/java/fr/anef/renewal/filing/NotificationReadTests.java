package fr.anef.renewal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * « L'ouverture d'une notification fait office d'accusé de réception et déclenche le délai »: the
 * first opening is recorded once and correlates {@code NotificationRead} to the instance waiting
 * for it.
 */
@EngineTest
class NotificationReadTests {

  static final String PROBE = "notification-read-probe";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Register register;
  @Autowired Cases cases;
  @Autowired NotificationService notifications;

  String applicant;

  @BeforeEach
  void deployProbe() {
    applicant = TestApplicants.create(register, identity, 90);
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
      repository
          .createDeployment()
          .addModelInstance(
              PROBE + ".bpmn",
              Bpmn.createExecutableProcess(PROBE)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .receiveTask("waitForRead")
                  .message(RenewalProcess.MESSAGE_NOTIFICATION_READ)
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  Notification notificationAwaitedBy(ProcessInstance[] holder, String title) {
    ProcessInstance waiting = runtime.startProcessInstanceByKey(PROBE);
    RenewalCase renewal =
        cases.save(
            new RenewalCase(applicant, waiting.getId(), "59", true, null, null, Instant.now()));
    Notification notification =
        notifications.publish(
            new NotificationService.Notice(
                "test:" + renewal.getId() + title,
                renewal.getId(),
                applicant,
                "jeanne@exemple.fr",
                "TEST",
                title,
                "Corps"),
            null);
    runtime.setVariable(
        waiting.getId(),
        RenewalProcess.VAR_AWAITED_NOTIFICATION_ID,
        notification.getId().toString());
    holder[0] = waiting;
    return notification;
  }

  boolean ended(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  @Test
  @DisplayName(
      "La première ouverture enregistre la date de lecture et publie NotificationRead ; les suivantes ne changent rien")
  void firstOpeningIsTheAcknowledgement() {
    ProcessInstance[] waiting = new ProcessInstance[1];
    Notification notification = notificationAwaitedBy(waiting, "Demande de complément");
    assertThat(notification.isRead()).isFalse();

    Instant readAt = notifications.open(applicant, notification.getId()).orElseThrow().getReadAt();
    assertThat(readAt).isNotNull();
    assertThat(ended(waiting[0])).isTrue();
    assertThat(notifications.open(applicant, notification.getId()).orElseThrow().getReadAt())
        .isEqualTo(readAt);
  }

  @Test
  @DisplayName("Un autre usager ne peut ni lire la notification ni déclencher le délai")
  void anotherApplicantCannotOpen() {
    ProcessInstance[] waiting = new ProcessInstance[1];
    Notification notification = notificationAwaitedBy(waiting, "Demande de complément");
    String other = TestApplicants.create(register, identity, 90);
    assertThat(notifications.open(other, notification.getId())).isEmpty();
    assertThat(ended(waiting[0])).isFalse();
  }

  @Test
  @DisplayName("Ouvrir une autre notification que celle attendue ne déclenche pas le délai")
  void onlyTheAwaitedNotificationCounts() {
    ProcessInstance[] waiting = new ProcessInstance[1];
    Notification awaited = notificationAwaitedBy(waiting, "Demande de complément");
    Notification other =
        notifications.publish(
            new NotificationService.Notice(
                "other:" + awaited.getId(),
                awaited.getCaseId(),
                applicant,
                "jeanne@exemple.fr",
                "TEST",
                "Autre",
                "Corps"),
            null);
    notifications.open(applicant, other.getId());
    assertThat(ended(waiting[0])).isFalse();
    assertThat(runtime.getVariables(waiting[0].getId()))
        .containsEntry(RenewalProcess.VAR_AWAITED_NOTIFICATION_ID, awaited.getId().toString())
        .doesNotContainKey("notificationReadAt");
  }
}
