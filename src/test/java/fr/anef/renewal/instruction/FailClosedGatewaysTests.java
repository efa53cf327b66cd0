package fr.anef.renewal.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestDates;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.processes.RenewalProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateways that decide on the case have no default branch: a missing or unexpected value stops
 * the case at the gateway as an incident in Cockpit (its own job, one try), never a favourable
 * decision nor a skipped complement.
 */
@EngineTest
class FailClosedGatewaysTests {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;

  Filed filed;
  ProcessInstance instance;

  @BeforeEach
  void filedCase() {
    BpmnAwareTests.init(engine);
    filed = filings.depositedCase(90);
    instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(filed.processInstanceId())
            .singleResult();
    assertThat(instance).isWaitingAt(RenewalProcess.REVIEW_APPLICATION);
  }

  void reviewAllValid() {
    Map<String, Object> form = new HashMap<>();
    documents
        .requirements(cases.caseOf(filed.processInstanceId()).getId())
        .forEach(r -> form.put("verdict_" + r.code(), "VALID"));
    filings.complete(filed.processInstanceId(), form);
  }

  /**
   * Runs the job waiting before the gateway: it fails; with one try only, the failure is at once an
   * incident.
   */
  Incident failsAt(String gateway) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(filed.processInstanceId())
            .activityId(gateway)
            .singleResult();
    assertThat(job).as("the gateway is its own job").isNotNull();
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .isInstanceOf(RuntimeException.class);
    filings.runDueJobs(filed.processInstanceId());
    List<Incident> incidents =
        runtime.createIncidentQuery().processInstanceId(filed.processInstanceId()).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getActivityId()).isEqualTo(gateway);
    return incidents.get(0);
  }

  /**
   * Cockpit's « retry »: one more try; the job runs (here at once, as the job executor would when
   * due).
   */
  void retry(Incident incident) {
    management.setJobRetries(incident.getConfiguration(), 1);
    management.executeJob(incident.getConfiguration());
    filings.runDueJobs(filed.processInstanceId());
  }

  List<String> notificationKinds() {
    return notifications
        .list(filed.applicantId(), NotificationFilter.ALL, 0, 50)
        .getContent()
        .stream()
        .map(Notification::getKind)
        .toList();
  }

  @Test
  @DisplayName(
      "« Les pièces sont-elles complètes ? » sans réponse : incident, ni complément ni phase médicale ; corrigé, le dossier repart")
  void documentsCompleteMissing() {
    reviewAllValid();
    runtime.removeVariable(filed.processInstanceId(), "documentsComplete");

    Incident incident = failsAt(RenewalProcess.DOCUMENTS_COMPLETE);
    assertThat(incident.getIncidentMessage()).contains("documentsComplete");
    assertThat(instance)
        .hasNotPassed(RenewalProcess.REQUEST_COMPLEMENT, RenewalProcess.ENTER_MEDICAL_PHASE);
    assertThat(notificationKinds())
        .doesNotContain("COMPLEMENT_REQUEST", "MEDICAL_CERTIFICATE_FORM");

    // The administrator, in Cockpit: sets the value and retries the job.
    runtime.setVariable(filed.processInstanceId(), "documentsComplete", true);
    retry(incident);
    assertThat(instance).isWaitingAt(RenewalProcess.CERTIFICATE_NOTICE_READ);
    assertThat(runtime.createIncidentQuery().processInstanceId(filed.processInstanceId()).count())
        .isZero();
  }

  @Test
  @DisplayName(
      "« Issue de l'instruction ? » avec une valeur inattendue : incident, aucune décision notifiée ; corrigée, le refus part")
  void unexpectedOutcome() {
    reviewAllValid();
    filings.runDueJobs(filed.processInstanceId());
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_CERTIFICATE_RECEIVED)
        .processInstanceId(filed.processInstanceId())
        .setVariable("certificateReceivedDate", TestDates.today().toString())
        .correlateAllWithResult();
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_OFII_OPINION)
        .processInstanceId(filed.processInstanceId())
        .setVariable("careNeeded", true)
        .setVariable("exceptionallySeriousConsequences", true)
        .setVariable("effectiveAccessToCareInOriginCountry", false)
        .setVariable("expectedCareDurationMonths", 6)
        .setVariable("fitToTravel", true)
        .setVariable("opinionDate", TestDates.today().toString())
        .correlate();
    filings.runDueJobs(filed.processInstanceId());
    assertThat(instance).isWaitingAt(RenewalProcess.DECIDE);
    filings.complete(
        filed.processInstanceId(),
        Map.of(
            "decision",
            "REFUSAL",
            "refusalReason",
            "Les soins sont accessibles dans le pays d'origine."));
    runtime.setVariable(filed.processInstanceId(), "instructionOutcome", "INCONNUE");

    Incident incident = failsAt(RenewalProcess.INSTRUCTION_OUTCOME);
    assertThat(instance)
        .hasNotPassed(
            RenewalProcess.NOTIFY_FAVOURABLE_DECISION,
            RenewalProcess.NOTIFY_REFUSAL,
            RenewalProcess.NOTIFY_CLOSURE);
    assertThat(notificationKinds()).doesNotContain("DECISION");
    assertThat(documents.issuedDocumentsOf(cases.caseOf(filed.processInstanceId()).getId()))
        .noneMatch(d -> d.getKind().contains("DECISION"));

    runtime.setVariable(filed.processInstanceId(), "instructionOutcome", "REFUSAL");
    retry(incident);
    assertThat(instance)
        .isEnded()
        .hasPassed(RenewalProcess.REFUSED)
        .hasNotPassed(RenewalProcess.NOTIFY_FAVOURABLE_DECISION);
    assertThat(cases.caseOf(filed.processInstanceId()).getStatus()).isEqualTo(CaseStatus.REFUSED);
  }
}
