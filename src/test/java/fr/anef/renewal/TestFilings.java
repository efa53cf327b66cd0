package fr.anef.renewal;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.MailDispatchProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.shared.ActorGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Test fixture: files a complete renewal for a new applicant through the engine's API, as the
 * filing tests prove it works, and runs the jobs the job executor would run (tests run without it).
 */
@Component
public class TestFilings {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final Register register;
  private final FilingService filing;
  private final Cases cases;
  private final DocumentService documents;
  private final ProcessEngineConfigurationImpl engine;

  TestFilings(
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      IdentityService identity,
      Register register,
      FilingService filing,
      Cases cases,
      DocumentService documents,
      ProcessEngineConfiguration engine) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.register = register;
    this.filing = filing;
    this.cases = cases;
    this.documents = documents;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  public record Filed(String applicantId, String processInstanceId) {}

  /**
   * A new applicant (titre expiring in {@code daysToExpiry} days) files; the receipt job has run.
   */
  public Filed depositedCase(int daysToExpiry) {
    return depositedCase(daysToExpiry, "59000", "Lille", "");
  }

  /** The same for an applicant living at {@code postalCode} {@code city}. */
  public Filed depositedCase(int daysToExpiry, String postalCode, String city) {
    return depositedCase(daysToExpiry, postalCode, city, "");
  }

  /**
   * The same, with the applicant's « Observations à destination de l'administration » at the dépôt.
   */
  public Filed depositedCase(int daysToExpiry, String observations) {
    return depositedCase(daysToExpiry, "59000", "Lille", observations);
  }

  private Filed depositedCase(
      int daysToExpiry, String postalCode, String city, String observations) {
    String applicant = TestApplicants.create(register, identity, daysToExpiry, postalCode, city);
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
    complete(id, Map.of("email", "jeanne@exemple.fr", "phone", "0612345678", "housingType", "OWN"));
    complete(
        id,
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
                    applicant,
                    r.code(),
                    List.of(TestFiles.file(r.code().toLowerCase() + ".pdf", TestFiles.pdf()))));
    complete(
        id,
        Map.of(
            "ephotoNumber",
            "1234567890123456789012",
            "ephotoNumberConfirmation",
            "1234567890123456789012"));
    complete(id, Map.of("observations", observations));
    runDueJobs(id);
    return new Filed(applicant, id);
  }

  public void complete(String processInstanceId, Map<String, Object> variables) {
    tasks.complete(
        tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
        variables);
  }

  /**
   * Runs the instance's due jobs (async steps, due timers) and the queued mails, until none is due.
   */
  public int runDueJobs(String processInstanceId) {
    if (engine.getJobExecutor() != null && engine.getJobExecutor().isActive()) {
      awaitJobs(processInstanceId);
      return 0;
    }
    int executed = 0;
    for (int guard = 0; guard < 50; guard++) {
      List<Job> due =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        break;
      }
      management.executeJob(due.get(0).getId());
      executed++;
    }
    sendQueuedMails();
    return executed;
  }

  /**
   * With the job executor on (the server context), the engine runs the jobs itself: waits, two
   * minutes at most, until the instance and the mail dispatch have none left to run (running them
   * here as well would race the executor).
   */
  private void awaitJobs(String processInstanceId) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (management.createJobQuery().processInstanceId(processInstanceId).executable().count()
            + management
                .createJobQuery()
                .processDefinitionKey(MailDispatchProcess.KEY)
                .executable()
                .count()
        > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("jobs still due after 2 minutes for " + processInstanceId);
      }
      try {
        Thread.sleep(200); // a look every 200 ms, the cores left to the job executor meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Executes the job waiting at one activity (a timer not yet due, as the engine would once due).
   */
  public void executeJobAt(String processInstanceId, String activityId) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(activityId)
            .singleResult();
    if (job == null) {
      throw new AssertionError("no job at " + activityId);
    }
    management.executeJob(job.getId());
  }

  public void sendQueuedMails() {
    management
        .createJobQuery()
        .processDefinitionKey(MailDispatchProcess.KEY)
        .list()
        .forEach(job -> management.executeJob(job.getId()));
  }
}
