package fr.anef.renewal.models;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.MailDispatchProcess;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deployments made from Modeler outside the repository are found, and what they differ in. */
@EngineTest
class ModelDriftTests {

  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ModelDrift drift;

  ModelDrift.Definition of(String kind, String key) {
    return drift.report().stream()
        .filter(d -> d.kind().equals(kind) && d.key().equals(key))
        .findFirst()
        .orElse(null);
  }

  Deployment deployAsAnalyst(String name, String content) {
    identity.setAuthentication(
        "analyste", List.of("analysts"), PrefectureTenants.ofGroups(identity, List.of("analysts")));
    try {
      return repository
          .createDeployment()
          .name(name)
          .source("Camunda Modeler")
          .addString(name, content)
          .deploy();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @DisplayName(
      "Un formulaire modifié et un processus nouveau déployés depuis le Modeler sont signalés ; retirés, tout est conforme au dépôt")
  void modelerDeploymentsAreShown() throws Exception {
    assertThat(drift.report())
        .filteredOn(d -> d.inRepository())
        .extracting(ModelDrift.Definition::key)
        .contains(
            RenewalProcess.KEY,
            OfiiMedicalOpinionProcess.KEY,
            MailDispatchProcess.KEY,
            "required-documents",
            "deposit");
    assertThat(of("Formulaire", "deposit").sameAsRepository()).isTrue();
    assertThat(of("BPMN", RenewalProcess.KEY).sameAsRepository()).isTrue();

    String form;
    try (InputStream in = getClass().getResourceAsStream("/processes/deposit.form")) {
      form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Deployment changedForm =
        deployAsAnalyst(
            "deposit.form", form.replaceFirst("\"label\": \"", "\"label\": \"Nouveau : "));
    Deployment sketch =
        deployAsAnalyst(
            "esquisse.bpmn",
            Bpmn.convertToString(
                Bpmn.createExecutableProcess("analyst-sketch")
                    .name("Esquisse")
                    .camundaHistoryTimeToLive(30)
                    .startEvent()
                    .endEvent()
                    .done()));
    try {
      ModelDrift.Definition deposit = of("Formulaire", "deposit");
      assertThat(deposit.drifted()).isTrue();
      assertThat(deposit.inRepository()).isTrue();
      assertThat(deposit.file()).isEqualTo("forms/deposit.form");
      assertThat(deposit.deploymentSource()).isEqualTo("Camunda Modeler");
      assertThat(deposit.version()).isGreaterThan(1);
      ModelDrift.Definition unknown = of("BPMN", "analyst-sketch");
      assertThat(unknown.drifted()).isTrue();
      assertThat(unknown.inRepository()).isFalse();
      assertThat(drift.report().get(0).drifted()).as("drifted first").isTrue();
      assertThat(of("BPMN", RenewalProcess.KEY).sameAsRepository()).isTrue();
    } finally {
      repository.deleteDeployment(changedForm.getId(), true);
      repository.deleteDeployment(sketch.getId(), true);
    }
    assertThat(of("Formulaire", "deposit").sameAsRepository()).isTrue();
    assertThat(of("BPMN", "analyst-sketch")).isNull();
  }
}
