package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The whole filing on a running server (random port, job executor on, embedded SMTP): the demo
 * applicant files through the REST API and the application's API, as Tasklist would; then what each
 * other user can and cannot reach.
 */
@ServerTest
class FilingFullStackTests {

  static final String APPLICANT = "5903007229";
  static final String OTHER_APPLICANT = "5903007243";
  static final String PASSWORD = "Demo-2026!";

  @Autowired TestRestTemplate anonymous;
  @Autowired GreenMail greenMail;
  @Autowired Cases renewals;

  TestRestTemplate as(String user) {
    return anonymous.withBasicAuth(user, PASSWORD);
  }

  ResponseEntity<JsonNode> completeCurrentTask(
      TestRestTemplate client, String processInstanceId, Map<String, Object> values) {
    String taskId = currentTask(client, processInstanceId).get("id").asText();
    return client.postForEntity(
        "/engine-rest/task/{id}/complete",
        Map.of("variables", variables(values)),
        JsonNode.class,
        taskId);
  }

  JsonNode currentTask(TestRestTemplate client, String processInstanceId) {
    JsonNode tasks =
        client.getForObject(
            "/engine-rest/task?processInstanceId={id}", JsonNode.class, processInstanceId);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  ResponseEntity<JsonNode> upload(TestRestTemplate client, String code, String name, byte[] bytes) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(
        "fichiers",
        new ByteArrayResource(bytes) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.postForEntity(
        "/api/demandes/courante/justificatifs/{code}",
        new HttpEntity<>(body, headers),
        JsonNode.class,
        code);
  }

  @Test
  @DisplayName(
      "Le demandeur dépose sa demande par l'API ; il reçoit l'attestation PDF et le courriel ; l'autre usager n'en voit rien")
  void wholeFilingThroughTheApi() throws Exception {
    TestRestTemplate applicant = as(APPLICANT);
    TestRestTemplate other = as(OTHER_APPLICANT);
    TestRestTemplate agent = as("agent.lille");

    assertThat(anonymous.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getForEntity("/api/demandes", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // Start, as Tasklist does with the start form.
    ResponseEntity<JsonNode> started =
        applicant.postForEntity(
            "/engine-rest/process-definition/key/residence-permit-renewal/start",
            Map.of("variables", variables(Map.of("renewalRequested", true))),
            JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    JsonNode step1 = currentTask(applicant, instance);
    assertThat(step1.get("name").asText()).isEqualTo("1. Informations personnelles");
    JsonNode prefill =
        applicant.getForObject(
            "/engine-rest/task/{id}/form-variables", JsonNode.class, step1.get("id").asText());
    assertThat(prefill.at("/birthName/value").asText()).isEqualTo("GUIDE");
    assertThat(prefill.at("/currentTitleSummary/value").asText())
        .contains("« Etranger malade »", "« VIE PRIVÉE ET FAMILIALE »");

    // Nobody else can act on the applicant's step (nor see it: no agent reads a draft's tasks, ADR
    // 0016).
    assertThat(
            agent
                .postForEntity(
                    "/engine-rest/task/{id}/complete",
                    Map.of(),
                    String.class,
                    step1.get("id").asText())
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            other
                .postForEntity(
                    "/engine-rest/task/{id}/complete",
                    Map.of(),
                    String.class,
                    step1.get("id").asText())
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

    // A refused step: HTTP 400 in French, nothing stored.
    ResponseEntity<JsonNode> refused =
        completeCurrentTask(
            applicant,
            instance,
            Map.of("email", "guideem@yopmail.com", "phone", "06 12", "housingType", "OWN"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .contains("« Téléphone » n'a pas le format attendu (Format attendu : 06 12 34 56 78");
    assertThat(renewals.caseOf(instance).getPhone()).isNull();

    assertThat(
            completeCurrentTask(
                    applicant,
                    instance,
                    Map.of(
                        "email",
                        "guideem@yopmail.com",
                        "phone",
                        "06 12 34 56 78",
                        "housingType",
                        "OWN",
                        "action",
                        "NEXT"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            completeCurrentTask(
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
                        "NEXT"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // Step 3: the files, through the upload API.
    JsonNode required =
        applicant.getForObject("/api/demandes/courante/justificatifs", JsonNode.class);
    assertThat(required.get("requirements").findValuesAsText("code"))
        .containsExactly("NATIONALITY", "HOME_PROOF", "HABITUAL_RESIDENCE");
    ResponseEntity<JsonNode> exe =
        upload(applicant, "NATIONALITY", "passeport.pdf", TestFiles.exe());
    assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(exe.getBody().get("messages").get(0).asText())
        .contains("« passeport.pdf »", "format n'est pas accepté");
    assertThat(
            upload(applicant, "NATIONALITY", "passeport.pdf", TestFiles.png())
                .getBody()
                .get(0)
                .get("contentType")
                .asText())
        .isEqualTo("image/png");
    assertThat(upload(applicant, "HOME_PROOF", "facture.pdf", TestFiles.pdf()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(
            upload(applicant, "HABITUAL_RESIDENCE", "releve.pdf", TestFiles.pdf()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(upload(other, "NATIONALITY", "intrus.pdf", TestFiles.pdf()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(
            completeCurrentTask(
                    applicant,
                    instance,
                    Map.of(
                        "ephotoNumber",
                        "1234567890123456789012",
                        "ephotoNumberConfirmation",
                        "1234567890123456789012",
                        "action",
                        "NEXT"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            completeCurrentTask(
                    applicant, instance, Map.of("observations", "Aucune.", "action", "NEXT"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // The jobs issue the receipt and send the mails.
    JsonNode filed =
        await(
            () -> {
              JsonNode cases = applicant.getForObject("/api/demandes", JsonNode.class);
              return cases.size() == 1
                      && cases.get(0).get("documents").size() == 1
                      && mailsTo("guideem@yopmail.com").size() == 2
                  ? cases.get(0)
                  : null;
            });
    String requestNumber = filed.get("requestNumber").asText();
    assertThat(requestNumber).matches("5901\\d{15}");
    assertThat(filed.get("status").asText())
        .as("the receipt job leads to the agents' review")
        .isIn("DEPOSITED", "IN_REVIEW");

    byte[] receipt =
        applicant.getForObject(
            "/api/documents/{id}", byte[].class, filed.at("/documents/0/id").asText());
    assertThat(pdfText(receipt))
        .contains("CONFIRMATION DU DÉPÔT", "GUIDE", "MALADE", APPLICANT, requestNumber);

    List<MimeMessage> mails = mailsTo("guideem@yopmail.com");
    MimeMessage confirmation =
        mails.stream()
            .filter(m -> subject(m).startsWith("Confirmation du dépôt"))
            .findFirst()
            .orElseThrow();
    byte[] attached = attachment(confirmation);
    assertThat(attached).isEqualTo(receipt);
    assertThat(GreenMailUtil.getBody(confirmation)).contains("Votre demande de titre de s");
    MimeMessage notice =
        mails.stream()
            .filter(m -> subject(m).equals("Vous avez reçu une notification"))
            .findFirst()
            .orElseThrow();
    assertThat(GreenMailUtil.getBody(notice))
        .contains("Vous venez de recevoir une notification")
        .doesNotContain("GUIDE", "MALADE", APPLICANT, requestNumber);

    // The case waits in « Examiner la demande » for the préfecture.
    JsonNode review = currentTask(agent, instance);
    assertThat(review.get("name").asText()).isEqualTo("Examiner les pièces justificatives");
    assertThat(
            applicant.getForObject(
                "/engine-rest/task?processInstanceId={id}", JsonNode.class, instance))
        .isEmpty();

    // « Mes notifications »: opening records the read time once.
    JsonNode notification = applicant.getForObject("/api/notifications", JsonNode.class).get(0);
    assertThat(notification.get("read").asBoolean()).isFalse();
    JsonNode opened =
        applicant.getForObject(
            "/api/notifications/{id}", JsonNode.class, notification.get("id").asText());
    assertThat(opened.get("read").asBoolean()).isTrue();
    assertThat(opened.get("body").asText()).contains(requestNumber);

    // The second applicant sees none of it, through the engine's API or the application's.
    assertThat(other.getForObject("/engine-rest/task", JsonNode.class)).isEmpty();
    assertThat(other.getForObject("/engine-rest/process-instance", JsonNode.class)).isEmpty();
    assertThat(other.getForObject("/engine-rest/history/process-instance", JsonNode.class))
        .isEmpty();
    assertThat(other.getForObject("/engine-rest/history/variable-instance", JsonNode.class))
        .isEmpty();
    assertThat(
            other
                .getForEntity(
                    "/engine-rest/process-instance/{id}/variables", String.class, instance)
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(other.getForObject("/api/demandes", JsonNode.class)).isEmpty();
    assertThat(other.getForObject("/api/notifications", JsonNode.class)).isEmpty();
    assertThat(
            other
                .getForEntity(
                    "/api/notifications/{id}", String.class, notification.get("id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            other
                .getForEntity(
                    "/api/documents/{id}", String.class, filed.at("/documents/0/id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            other
                .exchange("/mon-espace/notifications", HttpMethod.GET, null, String.class)
                .getBody())
        .doesNotContain("Confirmation du dépôt");
    assertThat(
            applicant
                .exchange("/mon-espace/notifications", HttpMethod.GET, null, String.class)
                .getBody())
        .contains("Confirmation du dépôt de votre demande", "Lu le");

    instructUpToTheFavourableDecision(applicant, agent, other, instance, requestNumber);
  }

  /**
   * The instruction: the agent reviews through the REST API and finds the passport invalid; the
   * applicant reads the request and replies with a new file; the agent accepts; the opinion
   * arrives; the agent decides favourably; the applicant downloads the « ATTESTATION DE DÉCISION
   * FAVORABLE ».
   */
  void instructUpToTheFavourableDecision(
      TestRestTemplate applicant,
      TestRestTemplate agent,
      TestRestTemplate other,
      String instance,
      String requestNumber)
      throws Exception {
    reviewAs(agent, instance, Map.of("NATIONALITY", "INVALID"));
    JsonNode request =
        await(
            () -> {
              for (JsonNode n : applicant.getForObject("/api/notifications", JsonNode.class)) {
                if (n.get("kind").asText().equals("COMPLEMENT_REQUEST")) {
                  return n;
                }
              }
              return null;
            });
    assertThat(
            other
                .getForEntity("/api/notifications/{id}", String.class, request.get("id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode opened =
        applicant.getForObject(
            "/api/notifications/{id}", JsonNode.class, request.get("id").asText());
    assertThat(opened.get("body").asText())
        .contains("Justificatif de nationalité", "Observations :", "30 jours");
    assertThat(opened.get("readAt").isNull()).isFalse();

    LinkedMultiValueMap<String, Object> reply = new LinkedMultiValueMap<>();
    reply.add("reponse_NATIONALITY", "UPDATE");
    reply.add("fichiers_NATIONALITY", file("passeport-2.png", TestFiles.png()));
    reply.add("message", "Voici une copie lisible.");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(
            applicant
                .postForEntity(
                    "/api/notifications/{id}/reponse",
                    new HttpEntity<>(reply, headers),
                    String.class,
                    request.get("id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<JsonNode> again =
        applicant.postForEntity(
            "/api/notifications/{id}/reponse",
            new HttpEntity<>(reply, headers),
            JsonNode.class,
            request.get("id").asText());
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("messages").get(0).asText())
        .contains("Vous avez répondu à cette demande de complément");

    JsonNode secondReview = currentTask(agent, instance);
    assertThat(secondReview.get("name").asText()).isEqualTo("Examiner les pièces justificatives");
    reviewAs(agent, instance, Map.of());

    JsonNode variables =
        await(
            () -> {
              JsonNode current =
                  agent.getForObject(
                      "/engine-rest/process-instance/{id}/variables", JsonNode.class, instance);
              return current.at("/caseStatus/value").asText().equals("instruction_medicale")
                  ? current
                  : null;
            });
    assertThat(variables.has("privateNote")).isFalse();
    assertThat(
            agent.postForObject(
                "/engine-rest/process-instance",
                Map.of(
                    "businessKey",
                    requestNumber,
                    "variables",
                    List.of(
                        Map.of(
                            "name",
                            "caseStatus",
                            "operator",
                            "eq",
                            "value",
                            "instruction_medicale"))),
                JsonNode.class))
        .hasSize(1);

    throughOfii(applicant, agent, requestNumber, instance);

    JsonNode decide = currentTask(agent, instance);
    assertThat(decide.get("name").asText()).isEqualTo("Décider de la demande");
    JsonNode form =
        agent.getForObject(
            "/engine-rest/task/{id}/form-variables", JsonNode.class, decide.get("id").asText());
    assertThat(form.at("/opinionSummary/value").asText())
        .contains("Durée prévisible des soins : 12 mois");
    assertThat(
            agent
                .postForEntity(
                    "/engine-rest/task/{id}/complete",
                    Map.of("variables", variables(Map.of("decision", "FAVOURABLE"))),
                    String.class,
                    decide.get("id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode attestation =
        await(
            () -> {
              for (JsonNode d :
                  applicant.getForObject("/api/demandes", JsonNode.class).get(0).get("documents")) {
                if (d.get("kind").asText().equals("FAVOURABLE_DECISION")) {
                  return d;
                }
              }
              return null;
            });
    String text =
        pdfText(
            applicant.getForObject(
                "/api/documents/{id}", byte[].class, attestation.get("id").asText()));
    assertThat(text)
        .contains(
            "ATTESTATION DE DÉCISION FAVORABLE",
            "GUIDE",
            requestNumber,
            form.at("/cardValidUntil/value").asText().substring(8, 10)
                + "/"
                + form.at("/cardValidUntil/value").asText().substring(5, 7));
    JsonNode cases = applicant.getForObject("/api/demandes", JsonNode.class);
    assertThat(cases.get(0).get("status").asText()).isEqualTo("FAVOURABLE");
    assertThat(
            applicant
                .getForObject(
                    "/api/demandes/{id}/historique",
                    JsonNode.class,
                    cases.get(0).get("id").asText())
                .findValuesAsText("what"))
        .contains(
            "Demande déposée", "Justificatifs examinés", "Complément envoyé", "Notification lue");
    assertThat(
            other
                .getForEntity(
                    "/api/demandes/{id}/historique", String.class, cases.get(0).get("id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * The medical phase, each actor through the REST API as Tasklist would: the applicant opens the
   * blank certificate's notification; OFII registers the certificate, writes the report, the
   * college gives its opinion. Meanwhile the préfecture's agent can read nothing of it.
   */
  void throughOfii(
      TestRestTemplate applicant, TestRestTemplate agent, String requestNumber, String instance)
      throws Exception {
    JsonNode notice =
        await(
            () -> {
              for (JsonNode n : applicant.getForObject("/api/notifications", JsonNode.class)) {
                if (n.get("kind").asText().equals("MEDICAL_CERTIFICATE_FORM")) {
                  return n;
                }
              }
              return null;
            });
    JsonNode opened =
        applicant.getForObject(
            "/api/notifications/{id}", JsonNode.class, notice.get("id").asText());
    assertThat(opened.get("downloads")).hasSize(3);
    String certificateText =
        pdfText(
            applicant.getForObject(
                "/api/documents/{id}",
                byte[].class,
                opened.at("/downloads/2/documentId").asText()));
    assertThat(certificateText)
        .contains("CERTIFICAT MEDICAL CONFIDENTIEL", APPLICANT, "GUIDE", "MALADE");

    TestRestTemplate doctor = as("medecin.ofii");
    String ofii =
        await(
            () -> {
              JsonNode found =
                  doctor.getForObject(
                      "/engine-rest/process-instance?processDefinitionKey=ofii-medical-opinion&businessKey={key}",
                      JsonNode.class,
                      requestNumber);
              return found.size() == 1 ? found.get(0).get("id").asText() : null;
            });
    completeOfiiTask(
        doctor,
        "medecin.ofii",
        ofii,
        OfiiMedicalOpinionProcess.REGISTER_CERTIFICATE,
        Map.of(
            "certificateReceivedDate",
            java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString()));
    JsonNode fileVariables =
        doctor.getForObject("/engine-rest/process-instance/{id}/variables", JsonNode.class, ofii);
    String medicalFileId = fileVariables.at("/medicalFileId/value").asText();
    LinkedMultiValueMap<String, Object> scan = new LinkedMultiValueMap<>();
    scan.add("kind", "CERTIFICATE");
    scan.add("fichiers", file("certificat-scanne.pdf", TestFiles.pdf()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(
            doctor
                .postForEntity(
                    "/ofii/dossiers/{id}/pieces",
                    new HttpEntity<>(scan, headers),
                    String.class,
                    medicalFileId)
                .getStatusCode())
        .as("redirected to the file page")
        .isIn(HttpStatus.FOUND, HttpStatus.OK);
    completeOfiiTask(
        doctor,
        "medecin.ofii",
        ofii,
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "REPORT",
            "report_diseaseHistory",
            "Pathologie chronique suivie depuis 2021."));
    for (String member : List.of("medecin.ofii2", "medecin.ofii3", "medecin.ofii4")) {
      completeOfiiTask(
          as(member),
          member,
          ofii,
          OfiiMedicalOpinionProcess.COLLEGE_OPINION,
          Map.of(
              "careNeeded",
              "YES",
              "exceptionallySeriousConsequences",
              "YES",
              "effectiveAccessToCareInOriginCountry",
              "NO",
              "fitToTravel",
              "YES",
              "expectedCareDurationMonths",
              12));
    }
    await(() -> currentTaskOrNull(agent, instance, "Décider de la demande"));

    // Medical secrecy, as the préfecture's agent through /engine-rest and the application's pages.
    assertThat(
            doctor
                .getForObject(
                    "/engine-rest/history/variable-instance?processInstanceId={id}",
                    JsonNode.class,
                    ofii)
                .findValuesAsText("name"))
        .contains("report_diseaseHistory");
    for (String url :
        List.of(
            "/engine-rest/process-instance?processDefinitionKey=ofii-medical-opinion",
            "/engine-rest/task?processDefinitionKey=ofii-medical-opinion",
            "/engine-rest/variable-instance?processInstanceIdIn=" + ofii,
            "/engine-rest/history/process-instance?processDefinitionKey=ofii-medical-opinion",
            "/engine-rest/history/activity-instance?processInstanceId=" + ofii,
            "/engine-rest/history/variable-instance?processInstanceId=" + ofii,
            "/engine-rest/history/detail?processInstanceId=" + ofii,
            "/engine-rest/history/task?processInstanceId=" + ofii,
            "/engine-rest/process-definition?key=ofii-medical-opinion",
            "/engine-rest/deployment")) {
      ResponseEntity<String> seen = agent.getForEntity(url, String.class);
      assertThat(seen.getStatusCode().is2xxSuccessful() ? readJson(seen.getBody()).size() : 0)
          .as(url)
          .isZero();
      assertThat(seen.getBody()).as(url).doesNotContain("Pathologie", "report_");
    }
    JsonNode ofiiDefinition =
        doctor.getForObject(
            "/engine-rest/process-definition/key/ofii-medical-opinion", JsonNode.class);
    assertThat(
            agent
                .getForEntity(
                    "/engine-rest/process-definition/{id}/xml",
                    String.class,
                    ofiiDefinition.get("id").asText())
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            agent
                .getForEntity(
                    "/engine-rest/deployment/{id}/resources",
                    String.class,
                    ofiiDefinition.get("deploymentId").asText())
                .getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            agent.getForEntity("/ofii/dossiers/{id}", String.class, medicalFileId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as(APPLICANT)
                .getForEntity("/ofii/dossiers/{id}", String.class, medicalFileId)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String filePage =
        doctor.getForEntity("/ofii/dossiers/{id}", String.class, medicalFileId).getBody();
    assertThat(filePage).contains("certificat-scanne.pdf", "Pathologie chronique");
    java.util.regex.Matcher scanLink =
        java.util.regex.Pattern.compile("/ofii/documents/([0-9a-f-]{36})").matcher(filePage);
    assertThat(scanLink.find()).isTrue();
    String scanId = scanLink.group(1);
    assertThat(doctor.getForEntity("/ofii/documents/{id}", byte[].class, scanId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(agent.getForEntity("/ofii/documents/{id}", String.class, scanId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(agent.getForEntity("/agent/fichiers/{id}", String.class, scanId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(agent.getForEntity("/api/fichiers/{id}", String.class, scanId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(applicant.getForEntity("/api/fichiers/{id}", String.class, scanId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode prefectureVariables =
        agent.getForObject(
            "/engine-rest/process-instance/{id}/variables", JsonNode.class, instance);
    List<String> names = new ArrayList<>();
    prefectureVariables.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .isSubsetOf(fr.anef.renewal.medical.MedicalInstructionTestsAccess.PREFECTURE_VARIABLES)
        .contains("careNeeded", "opinionDate");
    assertThat(
            agent
                .getForObject(
                    "/engine-rest/history/variable-instance?processInstanceId={id}",
                    JsonNode.class,
                    instance)
                .findValuesAsText("name"))
        .allSatisfy(
            name ->
                assertThat(
                        fr.anef.renewal.medical.MedicalInstructionTestsAccess.PREFECTURE_VARIABLES)
                    .contains(name));
  }

  void completeOfiiTask(
      TestRestTemplate client,
      String user,
      String ofii,
      String activityId,
      Map<String, Object> values)
      throws Exception {
    JsonNode task =
        await(
            () -> {
              JsonNode found =
                  client.getForObject(
                      "/engine-rest/task?processInstanceId={id}&taskDefinitionKey={key}&unassigned=true",
                      JsonNode.class,
                      ofii,
                      activityId);
              return found.size() > 0 ? found.get(0) : null;
            });
    assertThat(
            client
                .postForEntity(
                    "/engine-rest/task/{id}/claim",
                    Map.of("userId", user),
                    String.class,
                    task.get("id").asText())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> completed =
        client.postForEntity(
            "/engine-rest/task/{id}/complete",
            Map.of("variables", variables(values)),
            String.class,
            task.get("id").asText());
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  JsonNode currentTaskOrNull(TestRestTemplate client, String instance, String name) {
    JsonNode tasks =
        client.getForObject("/engine-rest/task?processInstanceId={id}", JsonNode.class, instance);
    return tasks.size() == 1 && tasks.get(0).get("name").asText().equals(name)
        ? tasks.get(0)
        : null;
  }

  void reviewAs(TestRestTemplate agent, String instance, Map<String, String> verdicts) {
    JsonNode task = currentTask(agent, instance);
    JsonNode form =
        agent.getForObject(
            "/engine-rest/task/{id}/form-variables", JsonNode.class, task.get("id").asText());
    Map<String, Object> values = new java.util.HashMap<>();
    form.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("label_") && !form.at("/" + name + "/value").isNull()) {
                String code = name.substring("label_".length());
                String verdict = verdicts.getOrDefault(code, "VALID");
                values.put("verdict_" + code, verdict);
                values.put(
                    "observation_" + code,
                    "VALID".equals(verdict) ? "" : "Copie illisible : fournissez une copie nette.");
              }
            });
    assertThat(values).containsKey("verdict_NATIONALITY");
    values.put("privateNote", "Dossier suivi par le bureau 3.");
    ResponseEntity<String> completed =
        agent.postForEntity(
            "/engine-rest/task/{id}/complete",
            Map.of("variables", variables(values)),
            String.class,
            task.get("id").asText());
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  static JsonNode readJson(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ByteArrayResource file(String name, byte[] bytes) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  List<MimeMessage> mailsTo(String address) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        if (message.getAllRecipients()[0].toString().equals(address)) {
          found.add(message);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] attachment(Part part) throws Exception {
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        byte[] found = attachment(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        ? part.getInputStream().readAllBytes()
        : null;
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the jobs did not issue the receipt and send the mails within 60 s");
  }
}
