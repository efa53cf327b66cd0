package fr.anef.renewal.filing;

import static fr.anef.renewal.processes.RenewalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.util.GreenMail;
import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The filing paths of {@code residence-permit-renewal}, as the seed's « Étapes 1 à 5 » tell them.
 */
@EngineTest
class RenewalProcessTests {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Register register;
  @Autowired FilingService filing;
  @Autowired Cases cases;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired GreenMail greenMail;
  @Autowired fr.anef.renewal.TestFilings testFilings;

  String applicant;

  @BeforeEach
  void newApplicant() {
    BpmnAwareTests.init(engine);
    applicant = TestApplicants.create(register, identity, 90);
  }

  ProcessInstance startAsApplicant() {
    ProcessInstance instance;
    identity.setAuthentication(
        applicant,
        List.of(ActorGroups.APPLICANTS),
        PrefectureTenants.ofGroups(identity, List.of(ActorGroups.APPLICANTS)));
    try {
      instance = runtime.startProcessInstanceByKey(KEY, Map.of("renewalRequested", true));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(instance).isStarted();
    return instance;
  }

  void personalInformation() {
    complete(
        task(),
        withVariables(
            "email", email(), "phone", "06 12 34 56 78", "housingType", "HOTEL", "action", "NEXT"));
  }

  String email() {
    return "jeanne." + applicant + "@exemple.fr";
  }

  void reasonForStay() {
    complete(
        task(),
        withVariables(
            "maritalStatus",
            "MARRIED",
            "unionDate",
            "2019-06-01",
            "unionCountry",
            "Colombie",
            "spouseChildren",
            "NO",
            "dependentChildren",
            "YES",
            "attestationNoPolygamy",
            true,
            "attestationPenalties",
            true,
            "action",
            "NEXT"));
  }

  void attachEveryRequiredDocument() {
    for (var requirement :
        documents.requirements(cases.currentDraft(applicant).orElseThrow().getId())) {
      filing.attach(
          applicant, requirement.code(), List.of(TestFiles.file("piece.pdf", TestFiles.pdf())));
    }
  }

  void supportingDocuments() {
    complete(
        task(),
        withVariables(
            "ephotoNumber",
            "1234567890123456789012",
            "ephotoNumberConfirmation",
            "1234567890123456789012",
            "action",
            "NEXT"));
  }

  @Test
  @DisplayName(
      "Le demandeur remplit les quatre étapes, dépose sa demande, reçoit l'attestation et le courriel ; la demande attend l'examen de la préfecture")
  void depositReachesReview() throws Exception {
    ProcessInstance instance = startAsApplicant();
    assertThat(instance).isWaitingAt(PERSONAL_INFORMATION).task().isAssignedTo(applicant);
    assertThat(instance)
        .variables()
        .containsEntry("birthName", "TESTEUR")
        .containsKey("filingWindow");

    personalInformation();
    reasonForStay();
    assertThat(instance).isWaitingAt(SUPPORTING_DOCUMENTS).hasPassed(REQUIRED_DOCUMENTS);
    attachEveryRequiredDocument();
    supportingDocuments();
    assertThat(instance).isWaitingAt(DEPOSIT);
    assertThat((String) runtime.getVariable(instance.getId(), "depositSummary"))
        .contains("Numéro ephoto : 1234567890123456789012");
    complete(
        task(), withVariables("observations", "Mon adresse n'a pas changé.", "action", "NEXT"));

    RenewalCase filed = cases.caseOf(instance.getId());
    assertThat(filed.getStatus()).isEqualTo(CaseStatus.DEPOSITED);
    assertThat(filed.getRequestNumber()).matches("5901\\d{8}\\d{7}");
    assertThat(instance)
        .hasBusinessKey(filed.getRequestNumber())
        .isWaitingAt(ISSUE_DEPOSIT_RECEIPT);

    execute(job());
    testFilings.sendQueuedMails();
    assertThat(instance).isWaitingAt(REVIEW_APPLICATION).task().hasCandidateGroup("prefecture-59");
    assertThat(
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
                .getIdentityLinksForTask(task().getId()))
        .as("offered to the Nord only, never nationally")
        .noneMatch(link -> ActorGroups.PREFECTURE_AGENTS.equals(link.getGroupId()));

    assertThat(documents.issuedDocumentsOf(filed.getId()))
        .singleElement()
        .satisfies(d -> assertThat(d.getKind()).isEqualTo("DEPOSIT_RECEIPT"));
    assertThat(notifications.list(applicant, NotificationFilter.UNREAD, 0, 10).getContent())
        .singleElement()
        .satisfies(
            n -> assertThat(n.getTitle()).isEqualTo("Confirmation du dépôt de votre demande"));
    var mails =
        List.of(greenMail.getReceivedMessagesForDomain("exemple.fr")).stream()
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().equals(email());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(mails).hasSize(2);
  }

  @Test
  @DisplayName("Une étape refusée par le serveur n'enregistre rien et la tâche reste à faire")
  void refusedStepStoresNothing() {
    ProcessInstance instance = startAsApplicant();
    String taskId = task().getId();
    assertThatThrownBy(
            () ->
                complete(
                    task(),
                    withVariables(
                        "email",
                        "jeanne@exemple.fr",
                        "phone",
                        "12",
                        "housingType",
                        "HOTEL",
                        "action",
                        "NEXT")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Le numéro de téléphone n'est pas valide");
    assertThat(instance).isWaitingAt(PERSONAL_INFORMATION);
    assertThat(task().getId()).isEqualTo(taskId);
    assertThat(cases.caseOf(instance.getId()).getPhone()).isNull();
    assertThat(runtime.getVariable(instance.getId(), "phone")).isEqualTo("");
  }

  @Test
  @DisplayName(
      "« Revenir à l'étape précédente » ramène à l'étape d'avant, de l'étape 4 jusqu'à l'étape 1, sans rien perdre")
  void backNavigation() {
    ProcessInstance instance = startAsApplicant();
    personalInformation();
    reasonForStay();
    attachEveryRequiredDocument();
    supportingDocuments();
    assertThat(instance).isWaitingAt(DEPOSIT);

    complete(task(), withVariables("action", "BACK"));
    assertThat(instance).isWaitingAt(SUPPORTING_DOCUMENTS);
    complete(task(), withVariables("action", "BACK"));
    assertThat(instance).isWaitingAt(REASON_FOR_STAY);
    assertThat(runtime.getVariable(instance.getId(), "action"))
        .as("the form shows no stale choice")
        .isNull();
    complete(task(), withVariables("action", "BACK"));
    assertThat(instance).isWaitingAt(PERSONAL_INFORMATION);
    assertThat(runtime.getVariable(instance.getId(), "phone")).isEqualTo("06 12 34 56 78");
    assertThat(cases.caseOf(instance.getId()).getMaritalStatus()).isEqualTo("MARRIED");
    assertThatThrownBy(() -> complete(task(), withVariables("action", "BACK")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Il n'y a pas d'étape précédente");
  }

  @ParameterizedTest(name = "depuis l''étape {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  @DisplayName("« Abandonner la demande » clôt le brouillon sans rien déposer")
  void abandonFromEveryStep(int step) {
    ProcessInstance instance = startAsApplicant();
    if (step > 1) {
      personalInformation();
    }
    if (step > 2) {
      reasonForStay();
    }
    if (step > 3) {
      attachEveryRequiredDocument();
      supportingDocuments();
    }
    complete(task(), withVariables("action", "ABANDON"));
    assertThat(instance)
        .isEnded()
        .hasPassed(ABANDON_DRAFT, DRAFT_ABANDONED)
        .hasNotPassed(DEPOSIT_APPLICATION);
    RenewalCase draft = cases.caseOf(instance.getId());
    assertThat(draft.getStatus()).isEqualTo(CaseStatus.ABANDONED);
    assertThat(draft.getRequestNumber()).isNull();
  }

  @Test
  @DisplayName("L'étape 3 n'est pas enregistrée tant qu'un justificatif requis manque")
  void missingDocumentBlocksStepThree() {
    ProcessInstance instance = startAsApplicant();
    personalInformation();
    reasonForStay();
    assertThatThrownBy(this::supportingDocuments)
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Le document « Justificatif de nationalité » est manquant");
    assertThat(instance).isWaitingAt(SUPPORTING_DOCUMENTS);
  }

  @Test
  @DisplayName(
      "Un demandeur ne peut pas ouvrir une seconde demande ni changer l'identifiant porté par le processus")
  void oneOpenCaseAndProtectedIds() {
    ProcessInstance instance = startAsApplicant();
    assertThatThrownBy(this::startAsApplicant)
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("déjà une demande");
    assertThatThrownBy(
            () ->
                complete(
                    task(),
                    withVariables(
                        "email",
                        "jeanne@exemple.fr",
                        "phone",
                        "0612345678",
                        "housingType",
                        "OWN",
                        "applicantId",
                        "5903007229")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Modification non autorisée");
    assertThatThrownBy(
            () ->
                complete(
                    task(),
                    withVariables(
                        "email",
                        "jeanne@exemple.fr",
                        "phone",
                        "0612345678",
                        "housingType",
                        "OWN",
                        "filedBy",
                        "agent.lille")))
        .as("the next step cannot be handed to someone else")
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Modification non autorisée");
    assertThat(instance).isWaitingAt(PERSONAL_INFORMATION);
  }

  @Test
  @DisplayName(
      "Sans « Je sollicite le renouvellement de ce titre » coché, la demande ne s'ouvre pas")
  void renewalMustBeRequested() {
    identity.setAuthentication(
        applicant,
        List.of(ActorGroups.APPLICANTS),
        PrefectureTenants.ofGroups(identity, List.of(ActorGroups.APPLICANTS)));
    try {
      assertThatThrownBy(
              () -> runtime.startProcessInstanceByKey(KEY, Map.of("renewalRequested", false)))
          .isInstanceOf(Refusal.class)
          .hasMessageContaining("Je sollicite le renouvellement de ce titre");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(cases.currentDraft(applicant)).isEmpty();
  }

  @Test
  @DisplayName(
      "Un agent de préfecture ne peut pas demander un renouvellement en ligne à la place d'un usager")
  void onlyApplicantsStart() {
    identity.setAuthentication(
        "agent.lille",
        List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-59"),
        PrefectureTenants.ofGroups(
            identity, List.of(ActorGroups.PREFECTURE_AGENTS, "prefecture-59")));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY))
          .isInstanceOf(RuntimeException.class);
    } finally {
      identity.clearAuthentication();
    }
  }
}
