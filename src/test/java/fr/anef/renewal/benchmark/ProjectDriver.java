package fr.anef.renewal.benchmark;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.documents.UploadedFile;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.instruction.ComplementAnswer;
import fr.anef.renewal.instruction.Complements;
import fr.anef.renewal.medical.MedicalFiles;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationAttachment;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import fr.anef.renewal.shared.ActorGroups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One whole case through the application's own services, each call made as the user who would make
 * it in Tasklist or on the application's pages (the engine checks its authorizations): the
 * applicant files with real documents, the agent reviews (30 % of the cases get a complement
 * round), the applicant reads and answers, OFII registers the certificate with its scan, writes the
 * report, the three college doctors vote, the agent decides, the applicant downloads the decision.
 * A case is done when its instances have ended and every mail it queued has been sent.
 */
final class ProjectDriver {

  static final String AGENT = "agent.lille";
  static final String DOCTOR = "medecin.ofii";
  static final List<String> COLLEGE = List.of("medecin.ofii2", "medecin.ofii3", "medecin.ofii4");

  /**
   * Where a case may stop (templates of open cases for the scale phase); END drives it to its end.
   */
  enum Stop {
    FILING,
    REVIEW,
    COMPLEMENT,
    MEDICAL,
    DECISION,
    END
  }

  record Driven(String applicantId, String processInstanceId, UUID caseId, String requestNumber) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final Register register;
  private final FilingService filing;
  private final Cases cases;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final Complements complements;
  private final MedicalFiles medicalFiles;
  private final JdbcTemplate jdbc;
  private final SampleFiles files;
  private final Metrics metrics;
  private final Waits waits;

  ProjectDriver(ApplicationContext context, SampleFiles files, Metrics metrics, Waits waits) {
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.history = context.getBean(HistoryService.class);
    this.identity = context.getBean(IdentityService.class);
    this.register = context.getBean(Register.class);
    this.filing = context.getBean(FilingService.class);
    this.cases = context.getBean(Cases.class);
    this.documents = context.getBean(DocumentService.class);
    this.notifications = context.getBean(NotificationService.class);
    this.complements = context.getBean(Complements.class);
    this.medicalFiles = context.getBean(MedicalFiles.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.files = files;
    this.metrics = metrics;
    this.waits = waits;
  }

  /** A register entry (titre expiring in 90 days) and an account, made before the clock starts. */
  String createApplicant(int index) {
    String id = "97" + String.format("%08d", index);
    register.saveIfAbsent(
        new RegisteredPerson(
                id,
                "BANC",
                "ESSAI",
                index % 2 == 0 ? "F" : "M",
                LocalDate.of(1985, 3, 12),
                "Bogotá",
                "Colombie",
                "Colombienne")
            .livingAt("12 rue Nationale", "59000", "Lille", "FRANCE")
            .reachableAt("banc." + id + "@exemple.fr", "0612345678"),
        List.of(
            new ResidenceTitle(
                "8" + id.substring(1),
                id,
                "Etranger malade",
                "VIE PRIVÉE ET FAMILIALE",
                LocalDate.now().minusYears(1),
                LocalDate.now().plusDays(90))));
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("ESSAI");
      user.setLastName("BANC");
      user.setEmail("banc." + id + "@exemple.fr");
      user.setPassword("Banc-2026!");
      identity.saveUser(user);
      identity.createMembership(id, ActorGroups.APPLICANTS);
    }
    return id;
  }

  Driven drive(String applicant, int index, Stop stop) {
    Random random = new Random(index);
    boolean complement = index % 10 < 3;
    boolean refusal = index % 5 == 4;

    String instance =
        as(
            applicant,
            ActorGroups.APPLICANTS,
            () ->
                metrics.time(
                    "démarrage",
                    () ->
                        runtime
                            .startProcessInstanceByKey(
                                RenewalProcess.KEY, Map.of("renewalRequested", true))
                            .getId()));
    completeApplicantStep(
        applicant,
        instance,
        Map.of(
            "email",
            "banc." + applicant + "@exemple.fr",
            "phone",
            "0612345678",
            "housingType",
            "OWN",
            "action",
            "NEXT"));
    completeApplicantStep(
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
    RenewalCase renewal = cases.caseOf(instance);
    List<String> codes =
        documents.requirements(renewal.getId()).stream().map(r -> r.code()).toList();
    if (stop == Stop.FILING) {
      return new Driven(applicant, instance, renewal.getId(), null);
    }
    // 2 to 4 files: one per required document, a second one for the last document in half the
    // cases.
    for (int i = 0; i < codes.size(); i++) {
      List<UploadedFile> upload = new ArrayList<>(List.of(files.pick(random)));
      if (i == codes.size() - 1 && random.nextBoolean()) {
        upload.add(files.pick(random));
      }
      String code = codes.get(i);
      metrics.time("dépôt de fichiers (upload)", () -> filing.attach(applicant, code, upload));
    }
    completeApplicantStep(
        applicant,
        instance,
        Map.of(
            "ephotoNumber",
            "1234567890123456789012",
            "ephotoNumberConfirmation",
            "1234567890123456789012",
            "action",
            "NEXT"));
    completeApplicantStep(applicant, instance, Map.of("observations", "", "action", "NEXT"));
    renewal = cases.caseOf(instance);
    String requestNumber = renewal.getRequestNumber();
    UUID caseId = renewal.getId();

    Task review =
        waits.until("review task", () -> agentTask(instance, RenewalProcess.REVIEW_APPLICATION));
    readNotification(applicant, caseId, "DEPOSIT_CONFIRMATION");
    downloadIssued(applicant, caseId, "DEPOSIT_RECEIPT");
    if (stop == Stop.REVIEW) {
      return new Driven(applicant, instance, caseId, requestNumber);
    }
    completeReview(review, codes, complement ? codes.get(0) : null);
    if (complement) {
      Notification request =
          waits.until(
              "complement request", () -> notification(applicant, caseId, "COMPLEMENT_REQUEST"));
      if (stop == Stop.COMPLEMENT) {
        return new Driven(applicant, instance, caseId, requestNumber);
      }
      metrics.time("lecture de notification", () -> notifications.open(applicant, request.getId()));
      UploadedFile replacement = files.pick(random);
      metrics.time(
          "dépôt de fichiers (upload)",
          () ->
              complements.reply(
                  applicant,
                  request.getId(),
                  List.of(
                      new ComplementAnswer(
                          codes.get(0), ComplementAnswer.UPDATE, null, List.of(replacement))),
                  "Voici une copie lisible."));
      Task again =
          waits.until(
              "second review task", () -> agentTask(instance, RenewalProcess.REVIEW_APPLICATION));
      completeReview(again, codes, null);
    }

    Notification certificateForm =
        waits.until(
            "certificate form", () -> notification(applicant, caseId, "MEDICAL_CERTIFICATE_FORM"));
    String ofii =
        waits.until(
            "OFII instance",
            () ->
                as(
                    DOCTOR,
                    "ofii-doctors",
                    () -> {
                      ProcessInstance found =
                          runtime
                              .createProcessInstanceQuery()
                              .processDefinitionKey(OfiiMedicalOpinionProcess.KEY)
                              .processInstanceBusinessKey(requestNumber)
                              .singleResult();
                      return found == null ? null : found.getId();
                    }));
    if (stop == Stop.MEDICAL) {
      return new Driven(applicant, instance, caseId, requestNumber);
    }
    metrics.time(
        "lecture de notification", () -> notifications.open(applicant, certificateForm.getId()));
    List<NotificationAttachment> downloads = notifications.downloadsOf(certificateForm.getId());
    UUID blankCertificate = downloads.get(downloads.size() - 1).getDocumentId();
    metrics.time(
        "téléchargement PDF",
        () ->
            documents
                .issuedDocument(blankCertificate)
                .map(documents::download)
                .orElseThrow()
                .bytes());

    completeOfii(
        DOCTOR,
        "ofii-doctors",
        ofii,
        OfiiMedicalOpinionProcess.REGISTER_CERTIFICATE,
        Map.of("certificateReceivedDate", LocalDate.now().toString()));
    UUID medicalFileId =
        UUID.fromString(
            as(DOCTOR, "ofii-doctors", () -> (String) runtime.getVariable(ofii, "medicalFileId")));
    UploadedFile scan = files.pick(random);
    metrics.time(
        "dépôt de fichiers (upload)",
        () -> {
          medicalFiles.attach(medicalFileId, "CERTIFICATE", List.of(scan), DOCTOR);
        });
    completeOfii(
        DOCTOR,
        "ofii-doctors",
        ofii,
        OfiiMedicalOpinionProcess.WRITE_REPORT,
        Map.of(
            "reportAction",
            "REPORT",
            "report_diseaseHistory",
            "Pathologie chronique suivie depuis 2021.",
            "reportExpectedCareMonths",
            12));
    for (String member : COLLEGE) {
      completeOfii(
          member,
          "ofii-college",
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

    Task decide = waits.until("decision task", () -> agentTask(instance, RenewalProcess.DECIDE));
    if (stop == Stop.DECISION) {
      return new Driven(applicant, instance, caseId, requestNumber);
    }
    Map<String, Object> decision =
        refusal
            ? Map.of(
                "decision",
                "REFUSAL",
                "refusalReason",
                "Les conditions de l'article L.425-9 du CESEDA ne sont pas remplies.")
            : Map.of("decision", "FAVOURABLE");
    as(
        AGENT,
        ActorGroups.PREFECTURE_AGENTS,
        () -> {
          metrics.time("complétion de tâche", () -> tasks.complete(decide.getId(), decision));
          return null;
        });
    String kind = refusal ? "REFUSAL_DECISION" : "FAVOURABLE_DECISION";
    waits.until("decision PDF", () -> issued(caseId, kind));
    readNotification(applicant, caseId, "DECISION");
    downloadIssued(applicant, caseId, kind);
    awaitDone(instance, ofii, caseId);
    return new Driven(applicant, instance, caseId, requestNumber);
  }

  /**
   * Both instances ended, every mail of the case sent: nothing of the case is left for the jobs.
   */
  void awaitDone(String instance, String ofii, UUID caseId) {
    waits.until(
        "case done",
        () ->
            history
                            .createHistoricProcessInstanceQuery()
                            .processInstanceIds(java.util.Set.of(instance, ofii))
                            .finished()
                            .count()
                        == 2
                    && jdbc.queryForObject(
                            "select count(*) from outgoing_mail where case_id = ? and sent_at is null",
                            Long.class,
                            caseId)
                        == 0
                ? Boolean.TRUE
                : null);
  }

  private void completeApplicantStep(
      String applicant, String instance, Map<String, Object> values) {
    as(
        applicant,
        ActorGroups.APPLICANTS,
        () -> {
          Task task =
              metrics.time(
                  "requête de tâches",
                  () -> tasks.createTaskQuery().processInstanceId(instance).singleResult());
          metrics.time("complétion de tâche", () -> tasks.complete(task.getId(), values));
          return null;
        });
  }

  private Task agentTask(String instance, String key) {
    return as(
        AGENT,
        ActorGroups.PREFECTURE_AGENTS,
        () ->
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(key)
                .singleResult());
  }

  private void completeReview(Task review, List<String> codes, String invalid) {
    Map<String, Object> form = new HashMap<>();
    for (String code : codes) {
      boolean bad = code.equals(invalid);
      form.put("verdict_" + code, bad ? "INVALID" : "VALID");
      form.put("observation_" + code, bad ? "Copie illisible : fournissez une copie nette." : "");
    }
    form.put("privateNote", "Dossier suivi par le bureau 3.");
    as(
        AGENT,
        ActorGroups.PREFECTURE_AGENTS,
        () -> {
          metrics.time("complétion de tâche", () -> tasks.complete(review.getId(), form));
          return null;
        });
  }

  private void completeOfii(
      String user, String group, String ofii, String activityId, Map<String, Object> values) {
    Task task =
        waits.until(
            activityId,
            () ->
                as(
                    user,
                    group,
                    () ->
                        tasks
                            .createTaskQuery()
                            .processInstanceId(ofii)
                            .taskDefinitionKey(activityId)
                            .taskUnassigned()
                            .listPage(0, 1)
                            .stream()
                            .findFirst()
                            .orElse(null)));
    as(
        user,
        group,
        () -> {
          tasks.claim(task.getId(), user);
          metrics.time("complétion de tâche", () -> tasks.complete(task.getId(), values));
          return null;
        });
  }

  private Notification notification(String applicant, UUID caseId, String kind) {
    return notifications.list(applicant, NotificationFilter.ALL, 0, 20).getContent().stream()
        .filter(n -> n.getCaseId().equals(caseId) && n.getKind().equals(kind))
        .findFirst()
        .orElse(null);
  }

  private void readNotification(String applicant, UUID caseId, String kind) {
    Notification found =
        waits.until(
            "notification " + kind,
            () ->
                metrics.time("« Mes notifications »", () -> notification(applicant, caseId, kind)));
    metrics.time("lecture de notification", () -> notifications.open(applicant, found.getId()));
  }

  private IssuedDocument issued(UUID caseId, String kind) {
    return documents.issuedDocumentsOf(caseId).stream()
        .filter(d -> d.getKind().equals(kind))
        .findFirst()
        .orElse(null);
  }

  private void downloadIssued(String applicant, UUID caseId, String kind) {
    IssuedDocument document = waits.until("issued " + kind, () -> issued(caseId, kind));
    metrics.time("téléchargement PDF", () -> documents.download(document).bytes());
  }

  /** The tenants of each set of groups (a session's, read at login). */
  private static final Map<List<String>, List<String>> TENANTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private <T> T as(String user, String group, java.util.function.Supplier<T> call) {
    return as(identity, user, group, call);
  }

  /** A call made as {@code user} in {@code group}: the engine checks that user's authorizations. */
  static <T> T as(
      IdentityService identity, String user, String group, java.util.function.Supplier<T> call) {
    // The agent works in the Nord (scope group prefecture-59, ADR 0016), where the driven
    // applicants live. The tenants are read once per set of groups, as a webapp session reads them
    // once at login.
    List<String> groups =
        ActorGroups.PREFECTURE_AGENTS.equals(group)
            ? List.of(group, "prefecture-59")
            : List.of(group);
    identity.setAuthentication(
        user,
        groups,
        TENANTS.computeIfAbsent(groups, g -> PrefectureTenants.ofGroups(identity, g)));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
