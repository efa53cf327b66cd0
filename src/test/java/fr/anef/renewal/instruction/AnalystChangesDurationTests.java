package fr.anef.renewal.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst changes a duration of the procedure in Modeler (the timer « 30 jours sans réponse »)
 * and deploys the BPMN alone: new cases follow it — the engine's timer, the deadline the
 * application shows and the notices' words — while a case already running keeps the durations of
 * its own version (ADR 0011).
 */
@EngineTest
class AnalystChangesDurationTests {

  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Complements complements;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  static String model() throws Exception {
    try (InputStream in =
        AnalystChangesDurationTests.class.getResourceAsStream(
            "/processes/residence-permit-renewal.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Deployment deployAsAnalyst(String bpmn) {
    identity.setAuthentication(
        "analyste", List.of("analysts"), PrefectureTenants.ofGroups(identity, List.of("analysts")));
    try {
      return repository
          .createDeployment()
          .name("residence-permit-renewal.bpmn")
          .source("Camunda Modeler")
          .addString("residence-permit-renewal.bpmn", bpmn)
          .deploy();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @DisplayName(
      "Un délai de réponse passé à 45 jours dans le Modeler vaut pour les nouvelles demandes ; une demande en cours garde ses 30 jours")
  void changedReplyTime() throws Exception {
    Filed running = filings.depositedCase(90);
    String changed =
        model()
            .replace("name=\"30 jours sans réponse\"", "name=\"45 jours sans réponse\"")
            .replace(">P30D</bpmn:timeDuration>", ">P45D</bpmn:timeDuration>");
    Deployment deployment = deployAsAnalyst(changed);
    try {
      Filed fresh = filings.depositedCase(90);
      assertComplementRound(fresh, 45);
      assertComplementRound(running, 30);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  @DisplayName(
      "« 4 mois sans décision » passé à 5 mois dans le Modeler : la date enregistrée au dépôt et le minuteur suivent ; "
          + "une demande d'une version antérieure, dont le minuteur calcule sa date, garde ses 4 mois")
  void implicitRejectionDateFollowsTheModel() throws Exception {
    String current = model();
    // a version before ADR 0024: the timer computes its date by a bean call, no duration property
    String former =
        current
            .replace("${implicitRejectionDate}", "${implicitRejection.dueDate(execution)}")
            .replaceAll(
                "(?s)(<bpmn:intermediateCatchEvent id=\"intermediateTimer_implicitRejection\"[^>]*>\\s*"
                    + "<bpmn:documentation>[^<]*</bpmn:documentation>)\\s*<bpmn:extensionElements>.*?</bpmn:extensionElements>",
                "$1");
    assertThat(former)
        .doesNotContain("value=\"P4M\"")
        .contains("${implicitRejection.dueDate(execution)}");
    Deployment formerDeployment = deployAsAnalyst(former);
    Deployment changedDeployment = null;
    try {
      Filed old = filings.depositedCase(90);
      assertThat(
              runtime.getVariable(
                  old.processInstanceId(), RenewalProcess.VAR_IMPLICIT_REJECTION_DATE))
          .isNull();
      assertThat(implicitRejectionDue(old)).isEqualTo(depositedAt(old).plusMonths(4).toInstant());

      changedDeployment =
          deployAsAnalyst(
              current
                  .replace("name=\"4 mois sans décision\"", "name=\"5 mois sans décision\"")
                  .replace("value=\"P4M\"", "value=\"P5M\""));
      Filed fresh = filings.depositedCase(90);
      java.time.ZonedDateTime due =
          depositedAt(fresh).plusMonths(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      assertThat(
              runtime.getVariable(
                  fresh.processInstanceId(), RenewalProcess.VAR_IMPLICIT_REJECTION_DATE))
          .isEqualTo(due.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      assertThat(implicitRejectionDue(fresh)).isEqualTo(due.toInstant());
    } finally {
      if (changedDeployment != null) {
        repository.deleteDeployment(changedDeployment.getId(), true);
      }
      repository.deleteDeployment(formerDeployment.getId(), true);
    }
    assertThatThrownBy(() -> deployAsAnalyst(current.replace("value=\"P4M\"", "value=\"P5M\"")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(
            "Le nom du minuteur « 4 mois sans décision » (intermediateTimer_implicitRejection) ne dit "
                + "pas sa propriété « duration », P5M (« 5 mois »)");
  }

  java.time.ZonedDateTime depositedAt(Filed filed) {
    return cases
        .caseOf(filed.processInstanceId())
        .getDepositedAt()
        .atZone(ZoneId.of("Europe/Paris"));
  }

  Instant implicitRejectionDue(Filed filed) {
    return management
        .createJobQuery()
        .processInstanceId(filed.processInstanceId())
        .activityId(RenewalProcess.TIMER_IMPLICIT_REJECTION)
        .singleResult()
        .getDuedate()
        .toInstant();
  }

  @Test
  @DisplayName(
      "Une durée illisible, calculée ou que le nom du minuteur ne dit pas est refusée au déploiement, en français")
  void unreadableDurationsAreRefused() throws Exception {
    String model = model();
    int latest = latestVersion();
    assertThatThrownBy(
            () ->
                deployAsAnalyst(
                    model.replace(">P30D</bpmn:timeDuration>", ">PT3M</bpmn:timeDuration>")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(
            "Le nom du minuteur « 30 jours sans réponse » (intermediateTimer_complementDeadline) ne dit pas sa durée, PT3M (« 3 minutes »)");
    assertThatThrownBy(
            () ->
                deployAsAnalyst(
                    model.replace(">P30D</bpmn:timeDuration>", ">P30X</bpmn:timeDuration>")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(
            "La durée « P30X » de « 30 jours sans réponse » (intermediateTimer_complementDeadline) n'est pas une durée ISO 8601");
    assertThatThrownBy(
            () ->
                deployAsAnalyst(
                    model.replace(
                        ">P30D</bpmn:timeDuration>",
                        ">${deadlines.complementReply}</bpmn:timeDuration>")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("calcule sa durée");
    assertThat(latestVersion()).as("nothing deployed").isEqualTo(latest);
  }

  int latestVersion() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(RenewalProcess.KEY)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  /**
   * The agent finds the passport invalid; the applicant opens the request: timer, deadline and
   * words agree.
   */
  void assertComplementRound(Filed filed, int days) {
    Map<String, Object> review = new HashMap<>();
    documents
        .requirements(cases.caseOf(filed.processInstanceId()).getId())
        .forEach(
            r -> {
              review.put(
                  "verdict_" + r.code(), r.code().equals("NATIONALITY") ? "INVALID" : "VALID");
              review.put(
                  "observation_" + r.code(),
                  r.code().equals("NATIONALITY") ? "Copie illisible." : null);
            });
    filings.complete(filed.processInstanceId(), review);
    filings.runDueJobs(filed.processInstanceId());
    Notification request =
        notifications.list(filed.applicantId(), NotificationFilter.ALL, 0, 50).getContent().stream()
            .filter(n -> "COMPLEMENT_REQUEST".equals(n.getKind()))
            .findFirst()
            .orElseThrow();
    assertThat(request.getBody())
        .contains(
            "dans un délai de " + days + " jours après avoir pris connaissance de ce message");

    Instant readAt =
        notifications.open(filed.applicantId(), request.getId()).orElseThrow().getReadAt();
    Instant deadline = complements.view(request.getId()).orElseThrow().deadlineAt();
    assertThat(deadline)
        .isEqualTo(readAt.atZone(ZoneId.of("Europe/Paris")).plusDays(days).toInstant());
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(filed.processInstanceId())
            .activityId(RenewalProcess.TIMER_COMPLEMENT_DEADLINE)
            .singleResult();
    assertThat(timer.getDuedate().toInstant())
        .as("the engine's timer fires when the application says")
        .isBetween(deadline.minusSeconds(5), deadline.plusSeconds(5));
  }
}
