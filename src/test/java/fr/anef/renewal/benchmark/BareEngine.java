package fr.anef.renewal.benchmark;

import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;

/**
 * The baseline: a bare engine in the same JVM, on its own database, with the project's three
 * process models as they are deployed (same async continuations, timers, multi-instance, messages)
 * but every delegate and listener a no-op, no document, no PDF, no mail, no authorization. The
 * driver plays the same steps as {@link ProjectDriver} and sends itself the messages the project's
 * delegates would send.
 */
final class BareEngine implements AutoCloseable {

  static final Set<String> DELEGATES =
      Set.of(
          "abandonDraftDelegate",
          "applicantStepListener",
          "certificateMissingDelegate",
          "certificateMissingTaskListener",
          "certificateReceivedDelegate",
          "closeIncompleteDelegate",
          "closureNotificationDelegate",
          "collegeOpinionListener",
          "consolidateOpinionDelegate",
          "convocationDelegate",
          "decisionTaskListener",
          "depositApplicationDelegate",
          "depositReceiptDelegate",
          "documentReviewListener",
          "enterMedicalPhaseDelegate",
          "favourableDecisionDelegate",
          "implicitRejectionDelegate",
          "medicalOutcomeDelegate",
          "medicalReportListener",
          "openDraftDelegate",
          "openMedicalFileDelegate",
          "opinionOverdueDelegate",
          "prolongationDelegate",
          "prolongationStartListener",
          "refusalDecisionDelegate",
          "registerCertificateListener",
          "remindComplementDelegate",
          "requestComplementDelegate",
          "requiredDocumentsDelegate",
          "sendMailDelegate",
          "sendOpinionDelegate",
          "treatingDoctorAnswerListener",
          "treatingDoctorRequestDelegate",
          "treatingDoctorSilenceDelegate");

  /** Every delegate and listener of the models, doing nothing. */
  static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}

    @Override
    public void notify(DelegateExecution execution) {}
  }

  /**
   * The dates the timers read (the project's services store them as variables at the dépôt, at the
   * certificate's receipt): fixed dates far enough not to fire during the run, resolved as beans of
   * the same names.
   */
  static Map<String, Date> timerDates() {
    return Map.of(
        "implicitRejectionDate",
        in(120),
        "prolongationStartDate",
        in(90),
        "opinionDueDate",
        in(90));
  }

  private static Date in(int days) {
    return Date.from(
        LocalDate.now().plusDays(days).atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private final ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;

  BareEngine(String jdbcUrl, String user, String password) {
    Map<Object, Object> beans = new HashMap<>();
    NoOp noOp = new NoOp();
    DELEGATES.forEach(name -> beans.put(name, noOp));
    beans.putAll(timerDates());
    StandaloneProcessEngineConfiguration config =
        (StandaloneProcessEngineConfiguration)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bare");
    // The pool the engine would build from its JDBC settings (initDataSource), its SQL counted.
    PooledDataSource pool =
        new PooledDataSource(
            BareEngine.class.getClassLoader(), driver(jdbcUrl), jdbcUrl, user, password);
    pool.setPoolMaximumActiveConnections(10);
    config.setDataSource(SqlCounts.counted(pool, "bare"));
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setIdGenerator(new StrongUuidGenerator());
    config.setJobExecutorActivate(true);
    config.setBeans(beans);
    config.setMetricsEnabled(false);
    this.engine = config.buildProcessEngine();
    this.configuration = config;
    var deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("bare")
            .enableDuplicateFiltering(false);
    for (String resource :
        List.of(
            "residence-permit-renewal.bpmn",
            "ofii-medical-opinion.bpmn",
            "mail-dispatch.bpmn",
            "required-documents.dmn")) {
      deployment.addClasspathResource("processes/" + resource);
    }
    deployment.deploy();
  }

  private static String driver(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver";
  }

  DataSource dataSource() {
    return configuration.getDataSource();
  }

  /** The same case as the project's, on the bare engine. */
  void drive(int index, Metrics metrics, Waits waits) {
    var runtime = engine.getRuntimeService();
    var tasks = engine.getTaskService();
    boolean complement = index % 10 < 3;
    boolean refusal = index % 5 == 4;
    String applicant = "97" + String.format("%08d", index);
    String requestNumber = "5901" + String.format("%015d", index);

    String instance =
        metrics.time(
            "démarrage",
            () ->
                runtime
                    .startProcessInstanceByKey(
                        RenewalProcess.KEY,
                        requestNumber,
                        Map.of(
                            "renewalRequested",
                            true,
                            "applicantId",
                            applicant,
                            "filedBy",
                            applicant))
                    .getId());
    List<Map<String, Object>> steps =
        List.of(
            Map.of(
                "email",
                "banc@exemple.fr",
                "phone",
                "0612345678",
                "housingType",
                "OWN",
                "action",
                "NEXT"),
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
                "NEXT"),
            Map.of(
                "ephotoNumber",
                "1234567890123456789012",
                "ephotoNumberConfirmation",
                "1234567890123456789012",
                "action",
                "NEXT"),
            Map.of("observations", "", "action", "NEXT"));
    for (Map<String, Object> step : steps) {
      Task task =
          metrics.time(
              "requête de tâches",
              () -> tasks.createTaskQuery().processInstanceId(instance).singleResult());
      metrics.time("complétion de tâche", () -> tasks.complete(task.getId(), step));
    }
    Task review =
        waits.until("review task", () -> task(instance, RenewalProcess.REVIEW_APPLICATION));
    metrics.time("complétion de tâche", () -> tasks.complete(review.getId(), review(!complement)));
    if (complement) {
      waits.until(
          "complement read subscription",
          () -> subscribed(instance, RenewalProcess.MESSAGE_NOTIFICATION_READ));
      runtime
          .createMessageCorrelation(RenewalProcess.MESSAGE_NOTIFICATION_READ)
          .processInstanceId(instance)
          .correlateAllWithResult();
      runtime
          .createMessageCorrelation(RenewalProcess.MESSAGE_COMPLEMENT_REPLY)
          .processInstanceId(instance)
          .correlateWithResult();
      Task again =
          waits.until(
              "second review task", () -> task(instance, RenewalProcess.REVIEW_APPLICATION));
      metrics.time("complétion de tâche", () -> tasks.complete(again.getId(), review(true)));
    }
    waits.until(
        "certificate notice subscription",
        () -> subscribed(instance, RenewalProcess.MESSAGE_NOTIFICATION_READ));
    String ofii =
        runtime
            .startProcessInstanceByMessage(
                OfiiMedicalOpinionProcess.MESSAGE_REFERRAL,
                requestNumber,
                Map.of("requestNumber", requestNumber))
            .getId();
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_NOTIFICATION_READ)
        .processInstanceId(instance)
        .correlateAllWithResult();

    complete(
        ofii,
        OfiiMedicalOpinionProcess.REGISTER_CERTIFICATE,
        Map.of("certificateReceivedDate", LocalDate.now().toString()),
        metrics,
        waits);
    waits.until(
        "certificate received job", () -> task(ofii, OfiiMedicalOpinionProcess.WRITE_REPORT));
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_CERTIFICATE_RECEIVED)
        .processInstanceId(instance)
        .setVariable("certificateReceivedDate", LocalDate.now().toString())
        .correlateAllWithResult();
    complete(
        ofii,
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of("reportAction", "REPORT", "report_diseaseHistory", "Suivi depuis 2021."),
        metrics,
        waits);
    for (int i = 0; i < 3; i++) {
      complete(
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
              12),
          metrics,
          waits);
    }
    waits.until(
        "OFII ended",
        () ->
            runtime.createProcessInstanceQuery().processInstanceId(ofii).count() == 0
                ? Boolean.TRUE
                : null);
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_OFII_OPINION)
        .processInstanceId(instance)
        .setVariables(
            Map.of(
                "careNeeded",
                true,
                "exceptionallySeriousConsequences",
                true,
                "effectiveAccessToCareInOriginCountry",
                false,
                "expectedCareDurationMonths",
                12,
                "fitToTravel",
                true,
                "opinionDate",
                LocalDate.now().toString()))
        .correlateWithResult();
    Task decide = waits.until("decision task", () -> task(instance, RenewalProcess.DECIDE));
    metrics.time(
        "complétion de tâche",
        () ->
            tasks.complete(
                decide.getId(),
                refusal
                    ? Map.of(
                        "decision",
                        "REFUSAL",
                        "instructionOutcome",
                        "REFUSAL",
                        "refusalReason",
                        "Conditions non remplies.")
                    : Map.of("decision", "FAVOURABLE", "instructionOutcome", "FAVOURABLE")));
    waits.until(
        "case done",
        () ->
            engine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .finished()
                        .count()
                    == 1
                ? Boolean.TRUE
                : null);
  }

  private static Map<String, Object> review(boolean complete) {
    Map<String, Object> form = new HashMap<>();
    for (String code : List.of("NATIONALITY", "HOME_PROOF", "HABITUAL_RESIDENCE")) {
      boolean bad = !complete && code.equals("NATIONALITY");
      form.put("verdict_" + code, bad ? "INVALID" : "VALID");
      form.put("observation_" + code, bad ? "Copie illisible." : "");
    }
    form.put("documentsComplete", complete);
    return form;
  }

  private Boolean subscribed(String instance, String message) {
    return engine
                .getRuntimeService()
                .createEventSubscriptionQuery()
                .processInstanceId(instance)
                .eventName(message)
                .count()
            > 0
        ? Boolean.TRUE
        : null;
  }

  private Task task(String instance, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .listPage(0, 1)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private void complete(
      String instance, String key, Map<String, Object> values, Metrics metrics, Waits waits) {
    Task task =
        waits.until(
            key,
            () ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey(key)
                    .taskUnassigned()
                    .listPage(0, 1)
                    .stream()
                    .findFirst()
                    .orElse(null));
    engine.getTaskService().claim(task.getId(), "medecin");
    metrics.time(
        "complétion de tâche", () -> engine.getTaskService().complete(task.getId(), values));
  }

  @Override
  public void close() {
    engine.close();
  }
}
