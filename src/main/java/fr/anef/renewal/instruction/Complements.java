package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.UploadedFile;
import fr.anef.renewal.models.ProcedureTimers;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationOpened;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ModelDuration;
import fr.anef.renewal.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Demande de complément »: the request built from the latest review, its reading (which starts
 * the 30-day deadline), the reminder when it stays unread, the applicant's reply (all or nothing,
 * once, before the deadline) and the closure of a case left incomplete.
 */
@Service
public class Complements {

  static final String KIND_REQUEST = "COMPLEMENT_REQUEST";
  static final DateTimeFormatter DATE = fr.anef.renewal.shared.FormValues.FRENCH_DATE;
  static final int MAX_MESSAGE = 2000;

  private final Cases cases;
  private final DocumentReviews reviews;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final CaseNotices notices;
  private final ComplementRequestRepository requests;
  private final RuntimeService runtime;
  private final ProcedureTimers timers;
  private final Clock clock;

  Complements(
      Cases cases,
      DocumentReviews reviews,
      DocumentService documents,
      NotificationService notifications,
      CaseNotices notices,
      ComplementRequestRepository requests,
      RuntimeService runtime,
      ProcedureTimers timers,
      Clock clock) {
    this.cases = cases;
    this.reviews = reviews;
    this.documents = documents;
    this.notifications = notifications;
    this.notices = notices;
    this.requests = requests;
    this.runtime = runtime;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Sends the « Demande de complément » of the latest review round (once per round, a retried job
   * finds it) and returns the notification whose opening the process awaits.
   */
  @Transactional
  public UUID request(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    List<ReviewItem> verdicts = reviews.latestRound(renewal.getId());
    int round = requests.findByCaseIdOrderByRoundAsc(renewal.getId()).size() + 1;
    Map<String, List<DocumentFile>> files =
        documents.filesOf(renewal.getId()).stream()
            .collect(Collectors.groupingBy(DocumentFile::getDocumentCode));
    StringBuilder body =
        new StringBuilder(notices.greeting(renewal))
            .append(
                """


        Je vous informe qu'après avoir pris connaissance des documents justificatifs joints à votre demande, \
        un complément d'information est nécessaire à la poursuite de son instruction.

        Vous devez mettre à jour ou maintenir tous les documents justificatifs en fonction de ce qui vous est \
        demandé par l'agent afin de pouvoir répondre. Les formats acceptés : .jpg, .png, .pdf, .tiff, .bmp. \
        La taille maximale : 10 Mo""");
    appendItems(
        body,
        "Les documents mentionnés ci-dessous ne sont pas valides :",
        verdicts,
        "INVALID",
        files);
    appendItems(
        body, "Les documents mentionnés ci-dessous sont manquants :", verdicts, "MISSING", files);
    body.append(
            "\n\nSi vous n'apportez pas les compléments nécessaires dans un délai "
                + replyTime(processInstanceId).afterDe()
                + " après avoir pris "
                + "connaissance de ce message, votre demande pourra être considérée comme incomplète par l'administration "
                + "qui ne sera pas en mesure de prendre une décision d'acceptation ou de refus de votre demande, et elle "
                + "sera clôturée.")
        .append(CaseNotices.SIGNATURE);
    Notification notification =
        notices.publish(
            renewal,
            "complement-request:" + renewal.getId() + ":" + round,
            KIND_REQUEST,
            "Demande de complément",
            body.toString(),
            null);
    ComplementRequest request =
        requests
            .findByNotificationId(notification.getId())
            .orElseGet(
                () -> {
                  ComplementRequest created =
                      new ComplementRequest(
                          renewal.getId(), round, notification.getId(), clock.instant());
                  verdicts.stream()
                      .filter(v -> !"VALID".equals(v.verdict()))
                      .forEach(
                          v ->
                              created.items.add(
                                  new ComplementItem(
                                      v.code(), v.label(), v.verdict(), v.observation())));
                  return requests.save(created);
                });
    cases.moveTo(
        processInstanceId,
        CaseStatus.COMPLEMENT_REQUESTED,
        "administration",
        "Demande de complément n° " + request.round);
    return notification.getId();
  }

  private static void appendItems(
      StringBuilder body,
      String heading,
      List<ReviewItem> verdicts,
      String verdict,
      Map<String, List<DocumentFile>> files) {
    List<ReviewItem> selected = verdicts.stream().filter(v -> verdict.equals(v.verdict())).toList();
    if (selected.isEmpty()) {
      return;
    }
    body.append("\n\n").append(heading);
    for (ReviewItem item : selected) {
      body.append("\n\n").append(item.label()).append(" :");
      if ("INVALID".equals(verdict)) {
        files
            .getOrDefault(item.code(), List.of())
            .forEach(f -> body.append("\n").append(f.getFile().getFileName()));
      }
      body.append("\nObservations :\n").append(item.observation());
    }
  }

  /**
   * The first opening of a request starts its deadline (the process's timer starts at the same
   * moment).
   */
  @EventListener
  @Transactional
  public void on(NotificationOpened opened) {
    if (!KIND_REQUEST.equals(opened.kind())) {
      return;
    }
    requests
        .findByNotificationId(opened.notificationId())
        .filter(r -> r.readAt == null)
        .ifPresent(
            request -> {
              request.readAt = opened.readAt();
              request.deadlineAt = replyTime(processInstanceOf(request)).after(opened.readAt());
              request.status = ComplementRequest.Status.READ;
            });
  }

  /** « Relancer l'usager »: the request is still unread after 15 days. */
  @Transactional
  public void remind(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    ComplementRequest request =
        requests.findByCaseIdOrderByRoundAsc(renewal.getId()).stream()
            .reduce((first, second) -> second)
            .orElseThrow();
    notices.publish(
        renewal,
        "complement-reminder:" + request.id,
        "COMPLEMENT_REMINDER",
        "Rappel : demande de complément non consultée",
        notices.greeting(renewal)
            + "\n\nUne demande de complément concernant votre demande de titre de séjour n° "
            + renewal.getRequestNumber()
            + " vous a été adressée le "
            + LocalDate.ofInstant(request.requestedAt, clock.getZone()).format(DATE)
            + " et n'a pas encore été consultée.\n\nOuvrez la notification « Demande de complément » depuis "
            + "« Mes notifications » : le délai "
            + replyTime(processInstanceId).afterDe()
            + " pour y répondre court à compter de son ouverture."
            + CaseNotices.SIGNATURE,
        null);
    request.remindedAt = clock.instant();
  }

  /** What the notification page shows for a complement request notification, if it is one. */
  @Transactional(readOnly = true)
  public Optional<ComplementView> view(UUID notificationId) {
    return requests
        .findByNotificationId(notificationId)
        .map(
            request -> {
              Map<String, List<DocumentFile>> files =
                  documents.filesOf(request.caseId).stream()
                      .collect(Collectors.groupingBy(DocumentFile::getDocumentCode));
              List<ComplementView.Item> invalid = new ArrayList<>();
              List<ComplementView.Item> missing = new ArrayList<>();
              for (ComplementItem item : request.items) {
                ComplementView.Item view =
                    new ComplementView.Item(
                        item.documentCode,
                        item.label,
                        item.observation,
                        files.getOrDefault(item.documentCode, List.of()),
                        item.answer,
                        item.maintainReason);
                (item.isInvalid() ? invalid : missing).add(view);
              }
              return new ComplementView(
                  closedReason(request).isEmpty(),
                  closedReason(request).orElse(null),
                  request.deadlineAt,
                  invalid,
                  missing);
            });
  }

  private Optional<String> closedReason(ComplementRequest request) {
    return switch (request.status) {
      case ANSWERED ->
          Optional.of(
              "Vous avez répondu à cette demande de complément le "
                  + LocalDate.ofInstant(request.answeredAt, clock.getZone()).format(DATE)
                  + ".");
      case EXPIRED ->
          Optional.of(
              "Le délai de réponse "
                  + replyTime(processInstanceOf(request)).afterDe()
                  + " est dépassé : votre demande a été clôturée.");
      default ->
          request.deadlineAt != null && clock.instant().isAfter(request.deadlineAt)
              ? Optional.of(
                  "Le délai de réponse "
                      + replyTime(processInstanceOf(request)).afterDe()
                      + " est dépassé.")
              : Optional.empty();
    };
  }

  /** The applicant's time to answer, as the timer « … sans réponse » of the case's model says. */
  private ModelDuration replyTime(String processInstanceId) {
    return timers.of(processInstanceId, ProcedureTimers.COMPLEMENT_REPLY);
  }

  private String processInstanceOf(ComplementRequest request) {
    return cases.byId(request.caseId).orElseThrow().getProcessInstanceId();
  }

  /**
   * « Valider et envoyer »: checks every answer, replaces or adds the files through the upload
   * service, records the answers and correlates {@code ComplementReply}, all in one transaction — a
   * broken rule changes nothing. The request row is locked: a second click waits, then finds the
   * request answered.
   */
  @Transactional
  public void reply(
      String applicantId, UUID notificationId, List<ComplementAnswer> answers, String message) {
    notifications
        .open(applicantId, notificationId)
        .orElseThrow(() -> new Refusal("Cette notification n'existe pas."));
    answer(applicantId, notificationId, answers, message);
  }

  /**
   * The complement request of this case that still awaits an answer, as the agent's counter page
   * shows it.
   */
  @Transactional(readOnly = true)
  public Optional<UUID> awaitingAnswer(UUID caseId) {
    return requests.findByCaseIdOrderByRoundAsc(caseId).stream()
        .filter(
            r ->
                r.status == ComplementRequest.Status.SENT
                    || r.status == ComplementRequest.Status.READ)
        .reduce((first, second) -> second)
        .map(r -> r.notificationId);
  }

  /**
   * The counter route: the person came to the counter with the documents. The agent hands the
   * request over (it counts as read, which starts its deadline) and sends the person's answer,
   * under the same rules; both are logged as the agent's acts for the person.
   */
  @Transactional
  public void replyAtCounter(
      String agentId, UUID caseId, List<ComplementAnswer> answers, String message) {
    RenewalCase renewal =
        cases.byId(caseId).orElseThrow(() -> new Refusal("Cette demande n'existe pas."));
    UUID notificationId =
        awaitingAnswer(caseId)
            .orElseThrow(
                () ->
                    new Refusal(
                        "Aucune demande de complément n'attend de réponse pour cette demande."));
    notifications.handOverAtCounter(agentId, renewal.getApplicantId(), notificationId);
    answer(agentId, notificationId, answers, message);
  }

  private void answer(
      String actor, UUID notificationId, List<ComplementAnswer> answers, String message) {
    ComplementRequest request =
        requests
            .lockByNotificationId(notificationId)
            .orElseThrow(() -> new Refusal("Cette notification n'appelle pas de réponse."));
    closedReason(request)
        .ifPresent(
            reason -> {
              throw new Refusal(reason);
            });
    List<String> errors = new ArrayList<>();
    String cleanMessage = message == null || message.isBlank() ? null : message.strip();
    if (cleanMessage != null && cleanMessage.length() > MAX_MESSAGE) {
      errors.add("Le message à l'agent ne doit pas dépasser " + MAX_MESSAGE + " caractères.");
    }
    for (ComplementItem item : request.items) {
      ComplementAnswer answer =
          answers.stream()
              .filter(a -> item.documentCode.equals(a.documentCode()))
              .findFirst()
              .orElse(new ComplementAnswer(item.documentCode, null, null, List.of()));
      errors.addAll(check(item, answer));
    }
    Refusal.unless(errors);
    for (ComplementItem item : request.items) {
      ComplementAnswer answer =
          answers.stream()
              .filter(a -> item.documentCode.equals(a.documentCode()))
              .findFirst()
              .orElseThrow();
      apply(request, item, answer, actor);
    }
    request.applicantMessage = cleanMessage;
    request.answeredAt = clock.instant();
    request.status = ComplementRequest.Status.ANSWERED;
    RenewalCase renewal = cases.byId(request.caseId).orElseThrow();
    cases.logFor(
        renewal,
        actor,
        CaseEventKind.COMPLEMENT_ANSWERED,
        "Réponse à la demande de complément n° "
            + request.round
            + (actor.equals(renewal.getApplicantId()) ? "" : ", faite au guichet"));
    try {
      runtime
          .createMessageCorrelation(RenewalProcess.MESSAGE_COMPLEMENT_REPLY)
          .processInstanceId(renewal.getProcessInstanceId())
          .setVariable("complementAnsweredAt", java.util.Date.from(request.answeredAt))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new Refusal("Le délai de réponse est dépassé ou la demande n'attend plus de réponse.");
    }
  }

  private static List<String> check(ComplementItem item, ComplementAnswer answer) {
    List<String> errors = new ArrayList<>();
    boolean hasFiles = answer.files() != null && !answer.files().isEmpty();
    if (item.isInvalid()) {
      if (ComplementAnswer.MAINTAIN.equals(answer.choice())) {
        if (answer.reason() == null || answer.reason().isBlank()) {
          errors.add(
              "Veuillez préciser les raisons du maintien du document « " + item.label + " ».");
        } else if (answer.reason().length() > 1000) {
          errors.add(
              "Les raisons du maintien du document « "
                  + item.label
                  + " » ne doivent pas dépasser 1000 caractères.");
        }
      } else if (ComplementAnswer.UPDATE.equals(answer.choice())) {
        if (!hasFiles) {
          errors.add("Joignez le nouveau document « " + item.label + " ».");
        }
      } else {
        errors.add(
            "Choisissez « Maintenir le Document » ou « Mettre à jour le Document » pour « "
                + item.label
                + " ».");
      }
    } else if (!hasFiles) {
      errors.add("Joignez le document manquant « " + item.label + " ».");
    }
    return errors;
  }

  private void apply(
      ComplementRequest request, ComplementItem item, ComplementAnswer answer, String actor) {
    if (item.isInvalid() && ComplementAnswer.MAINTAIN.equals(answer.choice())) {
      item.answer = ComplementAnswer.MAINTAIN;
      item.maintainReason = answer.reason().strip();
      return;
    }
    List<UploadedFile> files = answer.files();
    if (item.isInvalid()) {
      documents.filesOf(request.caseId).stream()
          .filter(f -> f.getDocumentCode().equals(item.documentCode))
          .forEach(f -> documents.detach(request.caseId, f.getId()));
    }
    documents.attach(request.caseId, item.documentCode, files, actor);
    item.answer = item.isInvalid() ? ComplementAnswer.UPDATE : "PROVIDED";
  }

  /** 30 days after the opening without a reply: the case is closed as incomplete. */
  @Transactional
  public void closeIncomplete(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    requests.findByCaseIdOrderByRoundAsc(renewal.getId()).stream()
        .filter(r -> r.status != ComplementRequest.Status.ANSWERED)
        .forEach(r -> r.status = ComplementRequest.Status.EXPIRED);
    cases.moveTo(
        processInstanceId,
        CaseStatus.CLOSED_INCOMPLETE,
        "administration",
        "Complément non fourni dans le délai " + replyTime(processInstanceId).afterDe());
  }

  /** The closure's notification and e-mail. */
  @Transactional
  public void notifyClosure(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    notices.publish(
        renewal,
        "closure:" + renewal.getId(),
        "CLOSURE",
        "Clôture de votre demande",
        notices.greeting(renewal)
            + "\n\nFaute de réponse à la demande de complément dans le délai "
            + replyTime(processInstanceId).afterDe()
            + " suivant "
            + "sa consultation, votre demande de titre de séjour n° "
            + renewal.getRequestNumber()
            + " est considérée comme incomplète par l'administration, qui n'est pas en mesure de prendre une "
            + "décision d'acceptation ou de refus. Elle a été clôturée.\n\nVous pouvez déposer une nouvelle demande "
            + "depuis votre espace personnel."
            + CaseNotices.SIGNATURE,
        null);
  }
}
