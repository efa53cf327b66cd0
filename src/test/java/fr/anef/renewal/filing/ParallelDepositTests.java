package fr.anef.renewal.filing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestApplicants;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.ActorGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 50 applicants press « Déposer la demande » at the same moment. */
@EngineTest
class ParallelDepositTests {

  static final int APPLICANTS = 50;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Register register;
  @Autowired FilingService filing;
  @Autowired Cases cases;
  @Autowired DocumentService documents;

  @Test
  @DisplayName("50 dépôts simultanés reçoivent 50 N° de la demande distincts et bien formés")
  void fiftyParallelDeposits() throws Exception {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < APPLICANTS; i++) {
      instances.add(fillUpToDeposit(TestApplicants.create(register, identity, 90)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(APPLICANTS);
    List<Callable<String>> deposits =
        instances.stream()
            .<Callable<String>>map(
                id ->
                    () -> {
                      tasks.complete(currentTask(id), Map.of("action", "NEXT"));
                      return cases.caseOf(id).getRequestNumber();
                    })
            .toList();
    List<String> numbers = new ArrayList<>();
    try {
      // Bounded: a deposit still running after two minutes is cancelled, and get() then fails the
      // test.
      for (Future<String> deposit : pool.invokeAll(deposits, 2, TimeUnit.MINUTES)) {
        numbers.add(deposit.get(1, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(numbers)
        .hasSize(APPLICANTS)
        .doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(n).hasSize(19).matches("5901\\d{8}\\d{7}"));
    assertThat(instances)
        .allSatisfy(
            id ->
                assertThat(
                        runtime
                            .createProcessInstanceQuery()
                            .processInstanceId(id)
                            .singleResult()
                            .getBusinessKey())
                    .isEqualTo(cases.caseOf(id).getRequestNumber()));
  }

  String fillUpToDeposit(String applicant) {
    identity.setAuthentication(
        applicant,
        List.of(ActorGroups.APPLICANTS),
        PrefectureTenants.ofGroups(identity, List.of(ActorGroups.APPLICANTS)));
    String id;
    try {
      id =
          runtime
              .startProcessInstanceByKey(RenewalProcess.KEY, Map.of("renewalRequested", true))
              .getId();
    } finally {
      identity.clearAuthentication();
    }
    tasks.complete(
        currentTask(id),
        Map.of("email", "a@exemple.fr", "phone", "0612345678", "housingType", "OWN"));
    tasks.complete(
        currentTask(id),
        Map.of(
            "maritalStatus",
            "SINGLE",
            "dependentChildren",
            "NO",
            "attestationNoPolygamy",
            true,
            "attestationPenalties",
            true));
    documents
        .requirements(cases.caseOf(id).getId())
        .forEach(
            r ->
                filing.attach(
                    applicant, r.code(), List.of(TestFiles.file("p.pdf", TestFiles.pdf()))));
    tasks.complete(
        currentTask(id),
        Map.of(
            "ephotoNumber",
            "1234567890123456789012",
            "ephotoNumberConfirmation",
            "1234567890123456789012"));
    return id;
  }

  String currentTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }
}
