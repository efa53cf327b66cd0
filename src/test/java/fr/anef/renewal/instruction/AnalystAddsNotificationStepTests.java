package fr.anef.renewal.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst adds a step « Notifier le demandeur » in Modeler with the project's element template
 * (title and text typed in the template's fields, no bean name) and deploys the BPMN alone: the new
 * cases' applicants get it.
 */
@EngineTest
class AnalystAddsNotificationStepTests {

  /**
   * What Modeler writes for the template {@code fr.anef.applicantNotice} with the analyst's two
   * fields.
   */
  static final String STEP =
      """
      <bpmn:serviceTask id="serviceTask_informApplicant" name="Informer le demandeur de l'examen" \
      camunda:asyncBefore="true" camunda:delegateExpression="#{applicantNoticeDelegate}" \
      camunda:modelerTemplate="fr.anef.applicantNotice" camunda:modelerTemplateVersion="1">
            <bpmn:extensionElements>
              <camunda:inputOutput>
                <camunda:inputParameter name="noticeTitle">Votre demande va être examinée</camunda:inputParameter>
                <camunda:inputParameter name="noticeText">Votre demande n° ${requestNumber} est transmise au service instructeur.</camunda:inputParameter>
              </camunda:inputOutput>
            </bpmn:extensionElements>
            <bpmn:incoming>flow_toInformApplicant</bpmn:incoming>
            <bpmn:outgoing>flow_depositReceiptIssued</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="flow_toInformApplicant" sourceRef="serviceTask_issueDepositReceipt" targetRef="serviceTask_informApplicant" />
          <bpmn:sequenceFlow id="flow_depositReceiptIssued" sourceRef="serviceTask_informApplicant" targetRef="subProcess_instruction" />
      """;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired TestFilings filings;
  @Autowired Cases cases;
  @Autowired NotificationService notifications;

  @Test
  @DisplayName(
      "Une étape « Notifier le demandeur » ajoutée avec le modèle d'élément notifie les nouvelles demandes, une fois")
  void addedNotificationStep() throws Exception {
    BpmnAwareTests.init(engine);
    String model;
    try (InputStream in =
        getClass().getResourceAsStream("/processes/residence-permit-renewal.bpmn")) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String flow =
        "<bpmn:sequenceFlow id=\"flow_depositReceiptIssued\" sourceRef=\"serviceTask_issueDepositReceipt\" "
            + "targetRef=\"subProcess_instruction\" />";
    assertThat(model).contains(flow);
    identity.setAuthentication(
        "analyste", List.of("analysts"), PrefectureTenants.ofGroups(identity, List.of("analysts")));
    Deployment deployment;
    try {
      deployment =
          repository
              .createDeployment()
              .name("residence-permit-renewal.bpmn")
              .source("Camunda Modeler")
              .addString("residence-permit-renewal.bpmn", model.replace(flow, STEP))
              .deploy();
    } finally {
      identity.clearAuthentication();
    }
    try {
      Filed filed = filings.depositedCase(90);
      String requestNumber = cases.caseOf(filed.processInstanceId()).getRequestNumber();
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(filed.processInstanceId())
                  .singleResult())
          .hasPassed("serviceTask_informApplicant")
          .isWaitingAt(RenewalProcess.REVIEW_APPLICATION);
      List<Notification> informed =
          notifications
              .list(filed.applicantId(), NotificationFilter.ALL, 0, 50)
              .getContent()
              .stream()
              .filter(n -> n.getTitle().equals("Votre demande va être examinée"))
              .toList();
      assertThat(informed).hasSize(1);
      assertThat(informed.get(0).getBody())
          .startsWith("Bonjour JEANNE Testeur,")
          .contains("Votre demande n° " + requestNumber + " est transmise au service instructeur.");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
