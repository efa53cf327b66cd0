package fr.anef.renewal.medical;

import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.StoredFile;
import fr.anef.renewal.documents.UploadedFile;
import fr.anef.renewal.models.ProcedureTimers;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.FormValues;
import fr.anef.renewal.shared.Refusal;
import fr.anef.renewal.shared.TimerDate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OFII medical file of a request, from the préfecture's referral to the college's opinion.
 * Medical data stays in this module's tables and in the variables of {@code ofii-medical-opinion};
 * the préfecture gets the receipt date and the opinion's six answers.
 */
@Service("medicalFiles")
public class MedicalFiles {

  static final String VAR_MEDICAL_FILE_ID = "medicalFileId";
  static final DateTimeFormatter DATE = FormValues.FRENCH_DATE;

  /**
   * The opinion's date (ISO-8601 with offset), stored at the certificate's registration, read by «
   * 3 mois sans avis ».
   */
  public static final String VAR_OPINION_DUE_DATE = "opinionDueDate";

  /**
   * The opinion's delay of the versions of the model before ADR 0024, whose timer computes its
   * date.
   */
  static final int FORMER_OPINION_DUE_MONTHS = 3;

  /** How far ahead a convocation may be set: within the three months the opinion is due in. */
  static final int CONVOCATION_HORIZON_MONTHS = 3;

  static final int MAX_TEXT = 4000;

  private final MedicalFileRepository files;
  private final MedicalEventRepository events;
  private final MedicalDocumentRepository medicalDocuments;
  private final CollegeVoteRepository votes;
  private final DocumentService documents;
  private final RuntimeService runtime;
  private final ProcedureTimers timers;
  private final Clock clock;
  @PersistenceContext private EntityManager entityManager;

  MedicalFiles(
      MedicalFileRepository files,
      MedicalEventRepository events,
      MedicalDocumentRepository medicalDocuments,
      CollegeVoteRepository votes,
      DocumentService documents,
      RuntimeService runtime,
      ProcedureTimers timers,
      Clock clock) {
    this.files = files;
    this.events = events;
    this.medicalDocuments = medicalDocuments;
    this.votes = votes;
    this.documents = documents;
    this.runtime = runtime;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Opens the file from the referral's variables (the request's reference and the applicant's
   * identity).
   */
  @Transactional
  public String open(String processInstanceId, String requestNumber, Map<String, Object> referral) {
    MedicalFile file =
        fileOf(processInstanceId)
            .orElseGet(
                () ->
                    files.save(
                        new MedicalFile(
                            requestNumber,
                            processInstanceId,
                            String.valueOf(referral.get("foreignerNumber")),
                            String.valueOf(referral.get("applicantName")),
                            date(referral.get("birthDate")),
                            (String) referral.get("nationality"),
                            clock.instant())));
    log(file, "OFII", "REFERRAL", "Dossier transmis par la préfecture");
    return file.id.toString();
  }

  /**
   * The identity shown on every OFII form, and the medical file's summary: from the medical tables,
   * set at each task's creation, so that no variable written at an earlier task is what a doctor
   * reads.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> formVariables(String processInstanceId) {
    MedicalFile file = byInstance(processInstanceId);
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_MEDICAL_FILE_ID, file.id.toString());
    variables.put("requestNumber", file.requestNumber);
    variables.put("foreignerNumber", file.foreignerNumber);
    variables.put("nationality", file.nationality);
    variables.put("applicantName", file.applicantName);
    variables.put("birthDate", file.birthDate == null ? "" : file.birthDate.format(DATE));
    variables.put("medicalFileSummary", summary(file));
    variables.put("reportSummary", file.reportText == null ? "" : file.reportText);
    variables.put("reportAuthor", file.reportAuthor == null ? "" : file.reportAuthor);
    return variables;
  }

  /**
   * « Enregistrer la réception du certificat »: the date (not in the future, not before the
   * referral, which follows the dépôt).
   */
  @Transactional
  public LocalDate registerCertificate(
      String processInstanceId, OfiiForms.RegisterCertificate form, String actor) {
    MedicalFile file = byInstance(processInstanceId);
    LocalDate received =
        requiredDate(form.certificateReceivedDate(), "La date de réception du certificat");
    LocalDate today = LocalDate.now(clock);
    if (received.isAfter(today)) {
      throw new Refusal("La date de réception du certificat ne peut pas être dans le futur.");
    }
    if (received.isBefore(LocalDate.ofInstant(file.referredAt, clock.getZone()))) {
      throw new Refusal(
          "La date de réception du certificat ne peut pas précéder la transmission du dossier par la préfecture.");
    }
    file.certificateReceivedOn = received;
    // « 3 mois sans avis » of the file's model (R.425-13); 3 months for a version whose timer
    // computes its date
    file.opinionDueOn =
        timers
            .find(processInstanceId, ProcedureTimers.OPINION_DUE)
            .map(
                due ->
                    LocalDate.ofInstant(
                        due.after(received.atStartOfDay(clock.getZone()).toInstant()),
                        clock.getZone()))
            .orElse(received.plusMonths(FORMER_OPINION_DUE_MONTHS));
    log(file, actor, "CERTIFICATE_RECEIVED", "Certificat médical reçu le " + received.format(DATE));
    return received;
  }

  /** Tells the préfecture's process the date the certificate arrived — and nothing else. */
  @Transactional
  public void notifyPrefecture(String processInstanceId) {
    MedicalFile file = byInstance(processInstanceId);
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_CERTIFICATE_RECEIVED)
        .processInstanceBusinessKey(file.requestNumber)
        .setVariable("certificateReceivedDate", file.certificateReceivedOn.toString())
        .correlateAllWithResult();
  }

  /** The college's opinion is due 3 months after the certificate's receipt (R.425-13). */
  /**
   * The opinion's due date, as the timer « 3 mois sans avis » reads it from {@value
   * #VAR_OPINION_DUE_DATE}.
   */
  @Transactional(readOnly = true)
  public String opinionDueDateText(String processInstanceId) {
    return TimerDate.startOf(byInstance(processInstanceId).opinionDueOn, clock.getZone());
  }

  /**
   * The timer's date for the versions of the model before ADR 0024 ({@code
   * ${medicalFiles.opinionDueDate(execution)}}); kept while files of those versions run.
   */
  public Date opinionDueDate(DelegateExecution execution) {
    MedicalFile file = byInstance(execution.getProcessInstanceId());
    return Date.from(file.opinionDueOn.atStartOfDay(clock.getZone()).toInstant());
  }

  @Transactional
  public void flagOverdue(String processInstanceId) {
    MedicalFile file = byInstance(processInstanceId);
    file.overdue = true;
    log(
        file,
        "OFII",
        "OPINION_OVERDUE",
        "Avis du collège attendu le " + file.opinionDueOn.format(DATE) + " : en retard");
  }

  /**
   * « Rédiger le rapport médical »: the doctor chooses to write the report (and becomes its
   * author), to ask the treating doctor for information, or to convene the applicant.
   *
   * @return the action, for the gateway
   */
  @Transactional
  public String recordReport(String processInstanceId, OfiiForms.Report form, String doctor) {
    MedicalFile file = byInstance(processInstanceId);
    String action = form.reportAction();
    List<String> errors = new ArrayList<>();
    switch (action == null ? "" : action) {
      case "REQUEST_INFO" -> {
        if (form.treatingDoctorQuestions() == null) {
          errors.add("Précisez les informations demandées au médecin traitant.");
        } else if (form.treatingDoctorQuestions().length() > MAX_TEXT) {
          errors.add(
              "Les informations demandées au médecin traitant ne doivent pas dépasser "
                  + MAX_TEXT
                  + " caractères.");
        }
      }
      case "CONVENE" -> {
        LocalDate today = LocalDate.now(clock);
        optionalDate(form.convocationDate(), "La date de la convocation", errors)
            .ifPresent(
                d -> {
                  if (!d.isAfter(today)) {
                    errors.add(
                        "La date de la convocation doit être postérieure à la date du jour.");
                  } else if (d.isAfter(today.plusMonths(CONVOCATION_HORIZON_MONTHS))) {
                    errors.add(
                        "La date de la convocation doit être dans les "
                            + CONVOCATION_HORIZON_MONTHS
                            + " mois à venir (au plus tard le "
                            + today.plusMonths(CONVOCATION_HORIZON_MONTHS).format(DATE)
                            + ").");
                  }
                });
        String time = form.convocationTime();
        if (time == null || !time.matches("([01]\\d|2[0-3])[:h][0-5]\\d")) {
          errors.add("L'heure de la convocation est obligatoire (HH:MM).");
        }
        if (form.convocationPlace() == null) {
          errors.add("Le lieu de la convocation est obligatoire.");
        } else if (form.convocationPlace().length() > 500) {
          errors.add("Le lieu de la convocation ne doit pas dépasser 500 caractères.");
        }
      }
      case "REPORT" -> {
        Map<String, String> report = form.reportFields();
        if (report.values().stream().allMatch(v -> v == null)) {
          errors.add("Le rapport médical est vide : renseignez au moins l'histoire de la maladie.");
        }
      }
      default ->
          errors.add(
              "Choisissez de transmettre le rapport, de demander des informations ou de convoquer le demandeur.");
    }
    Refusal.unless(errors);
    if ("REPORT".equals(action)) {
      file.reportText =
          form.reportFields().entrySet().stream()
              .filter(e -> e.getValue() != null)
              .map(e -> e.getKey() + " : " + e.getValue())
              .collect(Collectors.joining("\n"));
      file.reportAuthor = doctor;
      file.reportWrittenAt = clock.instant();
      log(file, doctor, "REPORT_WRITTEN", "Rapport médical rédigé");
    }
    return action;
  }

  /**
   * Records the questions sent to the treating doctor.
   *
   * @return the questions as recorded, for the form that registers the answer
   */
  @Transactional
  public String recordInformationRequest(
      String processInstanceId, OfiiForms.Report form, String doctor) {
    String questions = form.treatingDoctorQuestions();
    log(
        byInstance(processInstanceId),
        doctor,
        "INFORMATION_REQUESTED",
        "Demande d'informations au médecin traitant : " + questions);
    return questions;
  }

  /**
   * The treating doctor's answer: received (not in the future, not before the certificate),
   * summarised.
   */
  @Transactional
  public void recordTreatingDoctorAnswer(
      String processInstanceId, OfiiForms.TreatingDoctorAnswer form, String doctor) {
    MedicalFile file = byInstance(processInstanceId);
    List<String> errors = new ArrayList<>();
    LocalDate received =
        optionalDate(form.treatingDoctorAnswerDate(), "La date de réception de la réponse", errors)
            .orElse(null);
    if (received != null && received.isAfter(LocalDate.now(clock))) {
      errors.add("La date de réception de la réponse ne peut pas être dans le futur.");
    } else if (received != null
        && file.certificateReceivedOn != null
        && received.isBefore(file.certificateReceivedOn)) {
      errors.add(
          "La date de réception de la réponse ne peut pas précéder la réception du certificat médical ("
              + file.certificateReceivedOn.format(DATE)
              + ").");
    }
    String answer = form.treatingDoctorAnswer();
    if (answer == null) {
      errors.add("Résumez la réponse du médecin traitant.");
    } else if (answer.length() > MAX_TEXT) {
      errors.add(
          "La réponse du médecin traitant ne doit pas dépasser " + MAX_TEXT + " caractères.");
    }
    Refusal.unless(errors);
    log(
        file,
        doctor,
        "INFORMATION_RECEIVED",
        "Réponse du médecin traitant reçue le " + received.format(DATE) + " : " + answer);
  }

  @Transactional
  public void recordTreatingDoctorSilence(String processInstanceId) {
    log(
        byInstance(processInstanceId),
        "OFII",
        "INFORMATION_NOT_RECEIVED",
        "Pas de réponse du médecin traitant sous 15 jours : le rapport est établi sur les éléments du dossier");
  }

  /**
   * The convocation's date, time and place — no medical content — for the applicant's notification.
   */
  @Transactional
  public Convocation convocation(String processInstanceId, OfiiForms.Report form) {
    MedicalFile file = byInstance(processInstanceId);
    Convocation convocation =
        new Convocation(
            file.requestNumber,
            date(form.convocationDate()),
            form.convocationTime().replace('h', ':'),
            form.convocationPlace());
    log(
        file,
        "OFII",
        "CONVOCATION",
        "Convocation le "
            + convocation.date().format(DATE)
            + " à "
            + convocation.time()
            + ", "
            + convocation.place());
    return convocation;
  }

  /** Date, time and place of an examination the applicant is convened to. */
  public record Convocation(String requestNumber, LocalDate date, String time, String place) {}

  /** A college doctor's answers: never the report's author, once per doctor. */
  @Transactional
  public void recordVote(String processInstanceId, OfiiForms.CollegeOpinion form, String doctor) {
    MedicalFile file = byInstance(processInstanceId);
    if (doctor.equals(file.reportAuthor)) {
      throw new Refusal(
          "Le médecin qui a rédigé le rapport médical ne peut pas siéger au collège pour ce dossier.");
    }
    if (votes.findByMedicalFileId(file.id).stream().anyMatch(v -> v.doctor.equals(doctor))) {
      throw new Refusal(
          "Vous avez déjà rendu votre avis pour ce dossier : le collège compte trois médecins différents.");
    }
    List<String> errors = new ArrayList<>();
    CollegeVote vote = new CollegeVote();
    vote.medicalFileId = file.id;
    vote.doctor = doctor;
    vote.votedAt = clock.instant();
    vote.careNeeded =
        yesNo(form.careNeeded(), "la nécessité d'une prise en charge médicale", errors);
    vote.exceptionallySeriousConsequences =
        yesNo(
            form.exceptionallySeriousConsequences(),
            "les conséquences d'une exceptionnelle gravité",
            errors);
    vote.effectiveAccessToCare =
        yesNo(
            form.effectiveAccessToCareInOriginCountry(),
            "l'accès effectif à un traitement approprié dans le pays d'origine",
            errors);
    vote.fitToTravel = yesNo(form.fitToTravel(), "la capacité à voyager", errors);
    int duration =
        form.expectedCareDurationMonths() == null ? 0 : form.expectedCareDurationMonths();
    if (duration < 1 || duration > 120) {
      errors.add("La durée prévisible des soins doit être comprise entre 1 et 120 mois.");
    }
    vote.expectedCareDurationMonths = duration;
    Refusal.unless(errors);
    votes.save(vote);
    log(file, doctor, "COLLEGE_VOTE", "Avis d'un médecin du collège enregistré");
  }

  /** The college's opinion: the majority on each question, the median duration; dated today. */
  @Transactional
  public void consolidate(String processInstanceId) {
    MedicalFile file = byInstance(processInstanceId);
    List<CollegeVote> cast = votes.findByMedicalFileId(file.id);
    if (cast.size() != OfiiMedicalOpinionProcess.COLLEGE_SIZE) {
      throw new IllegalStateException(
          "Le collège doit compter "
              + OfiiMedicalOpinionProcess.COLLEGE_SIZE
              + " avis, "
              + cast.size()
              + " reçus.");
    }
    file.careNeeded = majority(cast.stream().map(v -> v.careNeeded).toList());
    file.exceptionallySeriousConsequences =
        majority(cast.stream().map(v -> v.exceptionallySeriousConsequences).toList());
    file.effectiveAccessToCare = majority(cast.stream().map(v -> v.effectiveAccessToCare).toList());
    file.fitToTravel = majority(cast.stream().map(v -> v.fitToTravel).toList());
    file.expectedCareDurationMonths =
        cast.stream()
            .map(v -> v.expectedCareDurationMonths)
            .sorted()
            .toList()
            .get(OfiiMedicalOpinionProcess.COLLEGE_SIZE / 2);
    file.opinionDate = LocalDate.now(clock);
    log(file, "OFII", "OPINION", "Avis du collège arrêté le " + file.opinionDate.format(DATE));
  }

  /**
   * Sends the opinion to the préfecture: exactly the six answers of the arrêté of 27/12/2016,
   * nothing else.
   */
  @Transactional
  public void sendOpinion(String processInstanceId) {
    MedicalFile file = byInstance(processInstanceId);
    Map<String, Object> opinion = new HashMap<>();
    opinion.put("careNeeded", file.careNeeded);
    opinion.put("exceptionallySeriousConsequences", file.exceptionallySeriousConsequences);
    opinion.put("effectiveAccessToCareInOriginCountry", file.effectiveAccessToCare);
    opinion.put("expectedCareDurationMonths", file.expectedCareDurationMonths);
    opinion.put("fitToTravel", file.fitToTravel);
    opinion.put("opinionDate", file.opinionDate.toString());
    runtime
        .createMessageCorrelation(RenewalProcess.MESSAGE_OFII_OPINION)
        .processInstanceBusinessKey(file.requestNumber)
        .setVariables(opinion)
        .correlateAllWithResult();
    file.closedAt = clock.instant();
    log(file, "OFII", "OPINION_SENT", "Avis transmis à la préfecture");
  }

  /**
   * The préfecture closed the case (its decision) while the medical instruction ran: the file is
   * closed — its closing date starts the 5 years it is kept (arrêté of 27/12/2016, art. 12; ADR
   * 0020), no document can be added any more, and OFII's doctors may still read it (ADR 0035). The
   * OFII process's tasks end with the event subprocess. A file already closed (its opinion sent)
   * keeps its first closing date.
   */
  @Transactional
  public void close(String processInstanceId) {
    MedicalFile file = byInstance(processInstanceId);
    if (file.closedAt == null) {
      file.closedAt = clock.instant();
      log(file, "OFII", "CLOSED", "Dossier médical clos : la préfecture a clos la demande");
    }
  }

  // ---- The OFII pages

  /** A medical file as the OFII page shows it. */
  public record FileView(
      UUID id,
      String requestNumber,
      String foreignerNumber,
      String applicantName,
      LocalDate birthDate,
      String nationality,
      LocalDate certificateReceivedOn,
      LocalDate opinionDueOn,
      boolean overdue,
      String reportAuthor,
      String reportText,
      List<DocumentLine> documents,
      List<EventLine> events,
      Instant closedAt) {}

  public record DocumentLine(
      UUID id,
      String kind,
      String fileName,
      String contentType,
      Instant uploadedAt,
      String uploadedBy) {}

  public record EventLine(Instant at, String actor, String detail) {}

  @Transactional(readOnly = true)
  public Optional<FileView> view(UUID id) {
    return files
        .findById(id)
        .map(
            f ->
                new FileView(
                    f.id,
                    f.requestNumber,
                    f.foreignerNumber,
                    f.applicantName,
                    f.birthDate,
                    f.nationality,
                    f.certificateReceivedOn,
                    f.opinionDueOn,
                    f.overdue,
                    f.reportAuthor,
                    f.reportText,
                    medicalDocuments.findByMedicalFileIdOrderByFileUploadedAtAsc(f.id).stream()
                        .map(
                            d ->
                                new DocumentLine(
                                    d.id,
                                    DOCUMENT_KINDS.get(d.kind),
                                    d.file.getFileName(),
                                    d.file.getContentType(),
                                    d.file.getUploadedAt(),
                                    d.file.getUploadedBy()))
                        .toList(),
                    events.findByMedicalFileIdOrderByOccurredAtAsc(f.id).stream()
                        .map(e -> new EventLine(e.occurredAt, e.actor, e.detail))
                        .toList(),
                    f.closedAt));
  }

  public static final Map<String, String> DOCUMENT_KINDS =
      Map.of(
          "CERTIFICATE",
          "Certificat médical confidentiel",
          "ATTACHMENT",
          "Pièces médicales",
          "TREATING_DOCTOR_ANSWER",
          "Réponse du médecin traitant");
  static final int MAX_MEDICAL_FILES_PER_KIND = 20;

  /** Scans of the certificate and medical attachments, through the application's upload rules. */
  @Transactional
  public List<MedicalDocument> attach(
      UUID medicalFileId, String kind, List<UploadedFile> uploads, String doctor) {
    MedicalFile file =
        files
            .findById(medicalFileId)
            .orElseThrow(() -> new Refusal("Dossier médical introuvable."));
    if (!DOCUMENT_KINDS.containsKey(kind)) {
      throw new Refusal("Type de pièce inconnu.");
    }
    if (file.closedAt != null) {
      throw new Refusal(
          "Ce dossier médical est clos depuis le "
              + LocalDate.ofInstant(file.closedAt, clock.getZone()).format(DATE)
              + " : il peut être consulté, plus aucune pièce ne peut y être ajoutée.");
    }
    List<MedicalDocument> stored = new ArrayList<>();
    for (DocumentService.CheckedFile checked :
        documents.check(
            uploads,
            medicalDocuments.countByMedicalFileIdAndKind(medicalFileId, kind),
            MAX_MEDICAL_FILES_PER_KIND,
            DOCUMENT_KINDS.get(kind))) {
      stored.add(
          medicalDocuments.save(
              new MedicalDocument(file.id, kind, documents.store(checked, doctor))));
    }
    log(
        file,
        doctor,
        "DOCUMENTS_ATTACHED",
        stored.size() + " fichier(s) : " + DOCUMENT_KINDS.get(kind));
    return stored;
  }

  @Transactional(readOnly = true)
  public Optional<StoredFile> download(UUID documentId) {
    return medicalDocuments
        .findById(documentId)
        .map(
            d ->
                new StoredFile(
                    d.file.getFileName(),
                    d.file.getContentType(),
                    documents.content(d.file.getContentId())));
  }

  // ---- helpers

  /**
   * By natural id: the load plan is built once, and a file already read in this transaction is not
   * read again.
   */
  private Optional<MedicalFile> fileOf(String processInstanceId) {
    return entityManager
        .unwrap(Session.class)
        .bySimpleNaturalId(MedicalFile.class)
        .loadOptional(processInstanceId);
  }

  private MedicalFile byInstance(String processInstanceId) {
    return fileOf(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Aucun dossier médical pour l'instance " + processInstanceId));
  }

  private String summary(MedicalFile file) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Dossier transmis le "
            + LocalDate.ofInstant(file.referredAt, clock.getZone()).format(DATE));
    if (file.certificateReceivedOn != null) {
      lines.add(
          "Certificat reçu le "
              + file.certificateReceivedOn.format(DATE)
              + " — avis attendu au plus tard le "
              + file.opinionDueOn.format(DATE)
              + (file.overdue ? " (EN RETARD)" : ""));
    }
    medicalDocuments
        .findByMedicalFileIdOrderByFileUploadedAtAsc(file.id)
        .forEach(
            d -> lines.add("Pièce : " + DOCUMENT_KINDS.get(d.kind) + " — " + d.file.getFileName()));
    events.findByMedicalFileIdOrderByOccurredAtAsc(file.id).stream()
        .filter(e -> e.kind.startsWith("INFORMATION_") || e.kind.equals("CONVOCATION"))
        .forEach(e -> lines.add(e.detail));
    return String.join("\n", lines);
  }

  private void log(MedicalFile file, String actor, String kind, String detail) {
    events.save(new MedicalEvent(file.id, clock.instant(), actor, kind, detail));
  }

  private static boolean majority(List<Boolean> answers) {
    return answers.stream().filter(Boolean::booleanValue).count() * 2 > answers.size();
  }

  private static boolean yesNo(String value, String what, List<String> errors) {
    if ("YES".equals(value) || "true".equals(value)) {
      return true;
    }
    if ("NO".equals(value) || "false".equals(value)) {
      return false;
    }
    errors.add("Répondez à la question sur " + what + ".");
    return false;
  }

  static String text(Object value) {
    return FormValues.text(value);
  }

  static LocalDate date(Object value) {
    return FormValues.date(value);
  }

  private static LocalDate requiredDate(Object value, String label) {
    List<String> errors = new ArrayList<>();
    LocalDate date = optionalDate(value, label, errors).orElse(null);
    Refusal.unless(errors);
    return date;
  }

  private static Optional<LocalDate> optionalDate(Object value, String label, List<String> errors) {
    if (text(value) == null) {
      errors.add(label + " est obligatoire.");
      return Optional.empty();
    }
    try {
      return Optional.of(date(value));
    } catch (DateTimeParseException e) {
      errors.add(
          label
              + " n'est pas une date valide (JJ/MM/AAAA) : vérifiez le jour, le mois et l'année.");
      return Optional.empty();
    }
  }
}
