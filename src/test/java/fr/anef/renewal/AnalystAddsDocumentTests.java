package fr.anef.renewal;

import static fr.anef.renewal.ModelerDeploymentTests.await;
import static fr.anef.renewal.ModelerDeploymentTests.named;
import static fr.anef.renewal.ModelerDeploymentTests.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.instruction.ComplementAnswer;
import fr.anef.renewal.instruction.Complements;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.register.Register;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An analyst adds a document to {@code dmn/required-documents.dmn} and deploys that file alone from
 * Modeler: the new document is asked at step 3, uploaded, reviewed by the agent in « Examiner les
 * pièces justificatives » (one of the form's numbered blocks, ADR 0023), asked again in a
 * complement round and accepted at the second review — no form, no code changed. Everything through
 * the REST API and the application's API, as Tasklist and the pages would.
 */
@ServerTest
class AnalystAddsDocumentTests {

  static final String CODE = "HEALTH_INSURANCE";
  static final String LABEL = "Attestation de droits à l'assurance maladie";

  @Autowired TestRestTemplate anonymous;
  @Autowired Register register;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Complements complements;

  /** The repository's DMN with one more rule: the new document, asked of everyone. */
  static String dmnWithNewDocument() throws Exception {
    String dmn = Files.readString(Path.of("dmn/required-documents.dmn"));
    String rule =
        """
          <rule id="rule_healthInsurance">
            <description>Ajouté par l'analyste.</description>
            <inputEntry id="rule_healthInsurance_housingType">
              <text></text>
            </inputEntry>
            <inputEntry id="rule_healthInsurance_holdsResidencePermit">
              <text></text>
            </inputEntry>
            <outputEntry id="rule_healthInsurance_section">
              <text>"INFORMATIONS PERSONNELLES"</text>
            </outputEntry>
            <outputEntry id="rule_healthInsurance_documentCode">
              <text>"%s"</text>
            </outputEntry>
            <outputEntry id="rule_healthInsurance_label">
              <text>"%s"</text>
            </outputEntry>
            <outputEntry id="rule_healthInsurance_guidance">
              <text>"Attestation de moins de 3 mois (ameli.fr)."</text>
            </outputEntry>
            <outputEntry id="rule_healthInsurance_maxFiles">
              <text>2</text>
            </outputEntry>
            <outputEntry id="rule_healthInsurance_position">
              <text>15</text>
            </outputEntry>
          </rule>
        """
            .formatted(CODE, LABEL);
    String changed = dmn.replace("    </decisionTable>", rule + "    </decisionTable>");
    assertThat(changed).isNotEqualTo(dmn);
    return changed;
  }

  TestRestTemplate as(String user, String password) {
    return anonymous.withBasicAuth(user, password);
  }

  @Test
  @DisplayName(
      "Un justificatif ajouté au DMN seul depuis le Modeler : demandé, téléversé, examiné (refusé), redemandé puis accepté")
  void aDocumentAddedToTheDmnIsReviewed() throws Exception {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "required-documents.dmn");
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    body.add(
        "required-documents.dmn",
        named("required-documents.dmn", dmnWithNewDocument().getBytes(StandardCharsets.UTF_8)));
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> deployed =
        as("analyste", "Demo-2026!")
            .postForEntity(
                "/engine-rest/deployment/create",
                new HttpEntity<>(body, multipart),
                JsonNode.class);
    assertThat(deployed.getStatusCode())
        .as(String.valueOf(deployed.getBody()))
        .isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody().get("deployedDecisionDefinitions").size()).isEqualTo(1);
    String deploymentId = deployed.getBody().get("id").asText();
    try {
      walk();
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  void walk() throws Exception {
    String applicantId = TestApplicants.create(register, identity, 90);
    TestRestTemplate applicant = as(applicantId, TestApplicants.PASSWORD);
    TestRestTemplate agent = as("agent.lille", "Demo-2026!");
    ResponseEntity<JsonNode> started =
        applicant.postForEntity(
            "/engine-rest/process-definition/key/residence-permit-renewal/start",
            Map.of("variables", variables(Map.of("renewalRequested", true))),
            JsonNode.class);
    assertThat(started.getStatusCode())
        .as(String.valueOf(started.getBody()))
        .isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    step(
        applicant,
        instance,
        Map.of(
            "email",
            "jeanne." + applicantId + "@exemple.fr",
            "phone",
            "06 12 34 56 78",
            "housingType",
            "OWN",
            "action",
            "NEXT"));
    step(
        applicant,
        instance,
        Map.of(
            "maritalStatus",
            "SINGLE",
            "dependentChildren",
            "NO",
            "attestationNoPolygamy",
            true,
            "attestationPenalties",
            true,
            "action",
            "NEXT"));

    // Step 3: the upload page's list follows the analyst's DMN; every document uploaded, the new
    // one too
    JsonNode required =
        applicant.getForObject("/api/demandes/courante/justificatifs", JsonNode.class);
    List<String> codes = required.get("requirements").findValuesAsText("code");
    assertThat(codes).contains(CODE);
    for (String code : codes) {
      assertThat(upload(applicant, code, code.toLowerCase() + ".pdf").getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
    step(
        applicant,
        instance,
        Map.of(
            "ephotoNumber",
            "1234567890123456789012",
            "ephotoNumberConfirmation",
            "1234567890123456789012",
            "action",
            "NEXT"));
    step(applicant, instance, Map.of("observations", "", "action", "NEXT"));

    // First review: the new document has a block of its own, with its label and its file
    JsonNode review = await(() -> taskNamed(agent, instance, "Examiner les pièces justificatives"));
    String block = blockOf(agent, review);
    JsonNode form =
        agent.getForObject(
            "/engine-rest/task/{id}/form-variables", JsonNode.class, review.get("id").asText());
    assertThat(form.at("/files_" + block + "/value").asText()).contains("health");
    assertThat(form.at("/reviewFileLinks/value").asText()).contains(LABEL);

    // The guard knows the form's fields only: a verdict under the document's code is not one of
    // them
    ResponseEntity<String> byCode =
        agent.postForEntity(
            "/engine-rest/task/{id}/submit-form",
            Map.of("variables", variables(Map.of("verdict_" + CODE, "INVALID"))),
            String.class,
            review.get("id").asText());
    assertThat(byCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // and the server wants an observation for the refused document
    Map<String, Object> noObservation = verdicts(form, block, "INVALID", null);
    ResponseEntity<String> refused =
        agent.postForEntity(
            "/engine-rest/task/{id}/submit-form",
            Map.of("variables", variables(noObservation)),
            String.class,
            review.get("id").asText());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody())
        .contains("Une observation est obligatoire pour le document « " + LABEL + " »");

    submit(agent, review, verdicts(form, block, "INVALID", "L'attestation a plus de 3 mois."));

    // The complement request names the new document and the agent's observation
    Notification request =
        await(
            () ->
                notifications.list(applicantId, NotificationFilter.ALL, 0, 50).getContent().stream()
                    .filter(n -> "COMPLEMENT_REQUEST".equals(n.getKind()))
                    .findFirst()
                    .orElse(null));
    assertThat(request.getBody()).contains(LABEL, "L'attestation a plus de 3 mois.");
    notifications.open(applicantId, request.getId());
    complements.reply(
        applicantId,
        request.getId(),
        List.of(
            new ComplementAnswer(
                CODE,
                ComplementAnswer.UPDATE,
                null,
                List.of(TestFiles.file("attestation-recente.pdf", TestFiles.pdf())))),
        null);

    // Second review: the current file only, and the same block; all valid → the medical phase
    JsonNode second = await(() -> taskNamed(agent, instance, "Examiner les pièces justificatives"));
    assertThat(second.get("id").asText()).isNotEqualTo(review.get("id").asText());
    assertThat(second.get("assignee").asText())
        .as("the agent of the first review: no claim")
        .isEqualTo("agent.lille");
    assertThat(blockOf(agent, second)).isEqualTo(block);
    JsonNode secondForm =
        agent.getForObject(
            "/engine-rest/task/{id}/form-variables", JsonNode.class, second.get("id").asText());
    assertThat(secondForm.at("/files_" + block + "/value").asText())
        .contains("recente")
        .doesNotContain("health");
    assertThat(documents.filesOf(cases.caseOf(instance).getId()))
        .extracting(f -> f.getFile().getFileName())
        .contains("attestation-recente.pdf")
        .doesNotContain("health_insurance.pdf");
    submit(agent, second, verdicts(secondForm, block, "VALID", null));
    await(
        () ->
            cases.caseOf(instance).getStatus() == CaseStatus.MEDICAL_INSTRUCTION
                ? Boolean.TRUE
                : null);
  }

  /** The block of the review form that carries the new document (its label is set there). */
  static String blockOf(TestRestTemplate agent, JsonNode task) {
    JsonNode form =
        agent.getForObject(
            "/engine-rest/task/{id}/form-variables", JsonNode.class, task.get("id").asText());
    List<String> blocks = new java.util.ArrayList<>();
    form.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("label_")
                  && LABEL.equals(form.at("/" + name + "/value").asText(null))) {
                blocks.add(name.substring("label_".length()));
              }
            });
    assertThat(blocks).as("one block shows « %s »", LABEL).hasSize(1);
    assertThat(blocks.get(0))
        .as("a numbered block: the form has none named after the new code")
        .startsWith("slot");
    return blocks.get(0);
  }

  /** Every shown block valid, except {@code block}. */
  static Map<String, Object> verdicts(
      JsonNode form, String block, String verdict, String observation) {
    Map<String, Object> values = new HashMap<>();
    form.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("label_") && !form.at("/" + name + "/value").isNull()) {
                values.put("verdict_" + name.substring("label_".length()), "VALID");
              }
            });
    values.put("verdict_" + block, verdict);
    if (observation != null) {
      values.put("observation_" + block, observation);
    }
    return values;
  }

  static void submit(TestRestTemplate agent, JsonNode task, Map<String, Object> values) {
    ResponseEntity<String> sent =
        agent.postForEntity(
            "/engine-rest/task/{id}/submit-form",
            Map.of("variables", variables(values)),
            String.class,
            task.get("id").asText());
    assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  static JsonNode taskNamed(TestRestTemplate client, String instance, String name) {
    JsonNode tasks =
        client.getForObject("/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
    return tasks.size() == 1 && tasks.get(0).get("name").asText().equals(name)
        ? tasks.get(0)
        : null;
  }

  static void step(TestRestTemplate applicant, String instance, Map<String, Object> values)
      throws Exception {
    JsonNode task =
        await(
            () -> {
              JsonNode tasks =
                  applicant.getForObject(
                      "/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
              return tasks.size() == 1 ? tasks.get(0) : null;
            });
    ModelerDeploymentTests.complete(applicant, task, values);
  }

  static ResponseEntity<JsonNode> upload(TestRestTemplate applicant, String code, String fileName) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("fichiers", named(fileName, TestFiles.pdf()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return applicant.postForEntity(
        "/api/demandes/courante/justificatifs/{code}",
        new HttpEntity<>(body, headers),
        JsonNode.class,
        code);
  }
}
