package fr.anef.renewal.filing;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.notification.NotificationOpened;
import fr.anef.renewal.processes.RenewalProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the first opening of a notification into the message {@code NotificationRead}, in the same
 * transaction, for the instance of the case that waits for that very notification (its variable
 * {@code awaitedNotificationId}); an instance that waits for nothing is left alone.
 */
@Component
class NotificationReadCorrelation {

  private final Cases cases;
  private final RuntimeService runtime;

  NotificationReadCorrelation(Cases cases, RuntimeService runtime) {
    this.cases = cases;
    this.runtime = runtime;
  }

  /**
   * Notifications OFII sends the applicant itself (a convocation): their reading is not the
   * préfecture's (ADR 0035).
   */
  static final String OFII_KINDS = "OFII_";

  @EventListener
  void on(NotificationOpened opened) {
    cases
        .byId(opened.caseId())
        .filter(renewal -> !opened.kind().startsWith(OFII_KINDS))
        .ifPresent(
            renewal -> {
              cases.logFor(
                  renewal,
                  opened.readBy(),
                  CaseEventKind.NOTIFICATION_READ,
                  (opened.readBy().equals(renewal.getApplicantId())
                          ? "Notification lue : « "
                          : "Notification remise au guichet : « ")
                      + opened.title()
                      + " »");
              runtime
                  .createMessageCorrelation(RenewalProcess.MESSAGE_NOTIFICATION_READ)
                  .processInstanceId(renewal.getProcessInstanceId())
                  .processInstanceVariableEquals(
                      RenewalProcess.VAR_AWAITED_NOTIFICATION_ID,
                      opened.notificationId().toString())
                  .setVariable("notificationReadAt", java.util.Date.from(opened.readAt()))
                  .correlateAllWithResult();
            });
  }
}
