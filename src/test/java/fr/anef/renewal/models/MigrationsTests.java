package fr.anef.renewal.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.TestDates;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.ActorGroups;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst deploys a version 2 of the renewal and migrates the cases waiting on version 1: at an
 * applicant's step, in the complement wait, in the medical wait, at the agent's decision. Each goes
 * on on version 2; a case waiting at a step version 2 no longer has is shown as blocked and stays
 * on version 1, where it goes on too.
 */
@EngineTest
class MigrationsTests {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired Register register;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Migrations migrations;

  String started() {
    String applicant = TestApplicants.create(register, identity, 90);
    identity.setAuthentication(
        applicant,
        List.of(ActorGroups.APPLICANTS),
        PrefectureTenants.ofGroups(identity, List.of(ActorGroups.APPLICANTS)));
    try {
      return runtime
          .startProcessInstanceByKey(RenewalProcess.KEY, Map.of("renewalRequested", true))
          .getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  void review(Filed filed, String invalid) {
    Map<String, Object> form = new HashMap<>();
    documents
        .requirements(cases.caseOf(filed.processInstanceId()).getId())
        .forEach(
            r -> {
              form.put("verdict_" + r.code(), r.code().equals(invalid) ? "INVALID" : "VALID");
              form.put(
                  "observation_" + r.code(), r.code().equals(invalid) ? "Copie illisible." : null);
            });
    filings.complete(filed.processInstanceId(), form);
    filings.runDueJobs(filed.processInstanceId());
  }

  void opinion(Filed filed) {
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
        .setVariable("expectedCareDurationMonths", 12)
        .setVariable("fitToTravel", true)
        .setVariable("opinionDate", TestDates.today().toString())
        .correlate();
    filings.runDueJobs(filed.processInstanceId());
  }

  ProcessInstance instance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /** Runs the batch's jobs as the job executor would: the seed, the migrations, the monitor. */
  void run(Batch batch) {
    Set<String> definitions =
        new java.util.HashSet<>(
            java.util.Arrays.asList(
                batch.getSeedJobDefinitionId(),
                batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId()));
    for (int guard = 0; guard < 20; guard++) {
      List<Job> jobs =
          management.createJobQuery().executable().list().stream()
              .filter(
                  j ->
                      j.getJobDefinitionId() != null
                          && definitions.contains(j.getJobDefinitionId()))
              .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  @Test
  @DisplayName(
      "Migration vers la version 2 : étape du demandeur, attente du complément, attente médicale, décision ; un cas sans équivalent reste en version 1")
  void casesWaitingAtEachKindOfStateMove() throws Exception {
    BpmnAwareTests.init(engine);
    String atStep1 = started();
    String atStep2 = started();
    filings.complete(
        atStep2, Map.of("email", "jeanne@exemple.fr", "phone", "0612345678", "housingType", "OWN"));
    Filed complement = filings.depositedCase(90);
    review(complement, "NATIONALITY");
    Filed medical = filings.depositedCase(90);
    review(medical, null);
    Filed decision = filings.depositedCase(90);
    review(decision, null);
    opinion(decision);
    assertThat(instance(atStep1)).isWaitingAt(RenewalProcess.PERSONAL_INFORMATION);
    assertThat(instance(atStep2)).isWaitingAt(RenewalProcess.REASON_FOR_STAY);
    assertThat(instance(complement.processInstanceId()))
        .isWaitingAt(RenewalProcess.COMPLEMENT_READ);
    assertThat(instance(medical.processInstanceId()))
        .isWaitingAt(RenewalProcess.CERTIFICATE_NOTICE_READ);
    assertThat(instance(decision.processInstanceId())).isWaitingAt(RenewalProcess.DECIDE);
    int v1 =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(RenewalProcess.KEY)
            .latestVersion()
            .singleResult()
            .getVersion();

    // Version 2: the answer time is 45 days, and step 2 is a new step (another id) the old one
    // cannot become.
    String model;
    try (InputStream in =
        getClass().getResourceAsStream("/processes/residence-permit-renewal.bpmn")) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String v2Model =
        model
            .replace("name=\"30 jours sans réponse\"", "name=\"45 jours sans réponse\"")
            .replace(">P30D</bpmn:timeDuration>", ">P45D</bpmn:timeDuration>")
            .replace(RenewalProcess.REASON_FOR_STAY, "userTask_reasonForStayRevised");
    identity.setAuthentication(
        "analyste", List.of("analysts"), PrefectureTenants.ofGroups(identity, List.of("analysts")));
    Deployment deployment;
    try {
      deployment =
          repository
              .createDeployment()
              .name("residence-permit-renewal.bpmn")
              .source("Camunda Modeler")
              .addString("residence-permit-renewal.bpmn", v2Model)
              .deploy();
    } finally {
      identity.clearAuthentication();
    }
    try {
      Migrations.Preview preview = migrations.preview(RenewalProcess.KEY, v1, v1 + 1);
      assertThat(preview.mappings())
          .extracting(Migrations.Mapping::sourceActivityId)
          .contains(
              RenewalProcess.PERSONAL_INFORMATION,
              RenewalProcess.COMPLEMENT_READ,
              RenewalProcess.CERTIFICATE_NOTICE_READ,
              RenewalProcess.DECIDE,
              RenewalProcess.INSTRUCTION,
              RenewalProcess.TIMER_IMPLICIT_REJECTION)
          .doesNotContain(RenewalProcess.REASON_FOR_STAY);
      assertThat(preview.movable())
          .extracting(Migrations.WaitingCase::processInstanceId)
          .contains(
              atStep1,
              complement.processInstanceId(),
              medical.processInstanceId(),
              decision.processInstanceId())
          .doesNotContain(atStep2);
      Migrations.WaitingCase blocked =
          preview.blocked().stream()
              .filter(c -> c.processInstanceId().equals(atStep2))
              .findFirst()
              .orElseThrow();
      assertThat(blocked.waitingAt()).containsExactly("2. Motif de séjour");
      assertThat(blocked.reason()).contains("« 2. Motif de séjour »", "version " + (v1 + 1));
      assertThat(
              preview.cases().stream()
                  .filter(c -> c.processInstanceId().equals(decision.processInstanceId()))
                  .findFirst()
                  .orElseThrow()
                  .requestNumber())
          .isEqualTo(cases.caseOf(decision.processInstanceId()).getRequestNumber());

      Migrations.Applied applied = migrations.apply(RenewalProcess.KEY, v1, v1 + 1);
      run(management.createBatchQuery().batchId(applied.batchId()).singleResult());
      String v2 = preview.targetDefinitionId();
      for (String moved :
          List.of(
              atStep1,
              complement.processInstanceId(),
              medical.processInstanceId(),
              decision.processInstanceId())) {
        assertThat(instance(moved).getProcessDefinitionId()).as(moved).isEqualTo(v2);
      }
      assertThat(instance(atStep2).getProcessDefinitionId())
          .isEqualTo(preview.sourceDefinitionId());

      // Each goes on. The applicant's step 1, on version 2.
      filings.complete(
          atStep1,
          Map.of("email", "jeanne@exemple.fr", "phone", "0612345678", "housingType", "OWN"));
      assertThat(instance(atStep1)).isWaitingAt("userTask_reasonForStayRevised");
      // The blocked case, on version 1.
      filings.complete(
          atStep2,
          Map.of(
              "maritalStatus",
              "SINGLE",
              "dependentChildren",
              "NO",
              "attestationNoPolygamy",
              true,
              "attestationPenalties",
              true));
      assertThat(instance(atStep2)).isWaitingAt(RenewalProcess.SUPPORTING_DOCUMENTS);
      // The complement: opened after the migration, the new version's 45 days run.
      var request =
          notifications
              .list(complement.applicantId(), NotificationFilter.ALL, 0, 50)
              .getContent()
              .stream()
              .filter(n -> "COMPLEMENT_REQUEST".equals(n.getKind()))
              .findFirst()
              .orElseThrow();
      notifications.open(complement.applicantId(), request.getId());
      assertThat(instance(complement.processInstanceId()))
          .isWaitingAt(RenewalProcess.COMPLEMENT_ANSWER);
      Job deadline =
          management
              .createJobQuery()
              .processInstanceId(complement.processInstanceId())
              .activityId(RenewalProcess.TIMER_COMPLEMENT_DEADLINE)
              .singleResult();
      assertThat(deadline.getDuedate())
          .isAfter(
              java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(44))));
      // The medical wait: the certificate arrives, then the opinion: the decision task.
      opinion(medical);
      assertThat(instance(medical.processInstanceId())).isWaitingAt(RenewalProcess.DECIDE);
      // The decision.
      filings.complete(decision.processInstanceId(), Map.of("decision", "FAVOURABLE"));
      filings.runDueJobs(decision.processInstanceId());
      assertThat(instance(decision.processInstanceId())).isNull();
      assertThat(cases.caseOf(decision.processInstanceId()).getStatus())
          .isEqualTo(fr.anef.renewal.cases.CaseStatus.FAVOURABLE);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
