package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentRequirement;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.MarkdownText;
import fr.anef.renewal.shared.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Examiner les pièces justificatives »: the agent's verdict on every filed document (valid,
 * invalid or missing, with an observation for the applicant) and an optional private note, kept in
 * the application's tables only.
 */
@Service
public class DocumentReviews {

  static final Set<String> VERDICTS = Set.of("VALID", "INVALID", "MISSING");

  /** The documents the form « review-application » has a named block for. */
  static final List<String> FORM_CODES = InstructionForms.ReviewApplication.CODES;

  private final FilingService filing;
  private final Cases cases;
  private final DocumentService documents;
  private final DocumentReviewRepository reviews;
  private final AgentNoteRepository notes;
  private final ComplementRequestRepository complements;
  private final Clock clock;

  DocumentReviews(
      FilingService filing,
      Cases cases,
      DocumentService documents,
      DocumentReviewRepository reviews,
      AgentNoteRepository notes,
      ComplementRequestRepository complements,
      Clock clock) {
    this.filing = filing;
    this.cases = cases;
    this.documents = documents;
    this.reviews = reviews;
    this.notes = notes;
    this.complements = complements;
    this.clock = clock;
  }

  /**
   * The review form's variables, all computed here from the case tables — the recap, the
   * identifiers, the file names (escaped: the form renders them as Markdown) — so that nothing an
   * applicant sent as a variable reaches the agent's form; the case is now « en instruction ».
   */
  @Transactional
  public Map<String, Object> prepare(String processInstanceId) {
    RenewalCase renewal =
        cases.moveTo(
            processInstanceId, CaseStatus.IN_REVIEW, "administration", "Examen des pièces");
    Map<String, List<DocumentFile>> files =
        documents.filesOf(renewal.getId()).stream()
            .collect(
                Collectors.groupingBy(
                    DocumentFile::getDocumentCode, LinkedHashMap::new, Collectors.toList()));
    Map<String, Object> variables = new HashMap<>();
    InstructionForms.ReviewApplication.BLOCKS.forEach(
        block -> {
          variables.put("label_" + block, null);
          variables.put("files_" + block, null);
          variables.put("verdict_" + block, null);
          variables.put("observation_" + block, null);
        });
    List<DocumentRequirement> requirements = documents.requirements(renewal.getId());
    Map<String, String> blocks = blocks(requirements);
    StringBuilder links = new StringBuilder();
    for (DocumentRequirement requirement : requirements) {
      String block = blocks.get(requirement.code());
      List<DocumentFile> attached = files.getOrDefault(requirement.code(), List.of());
      variables.put("label_" + block, requirement.label());
      variables.put(
          "files_" + block,
          attached.isEmpty()
              ? "aucun fichier"
              : attached.stream()
                  .map(f -> MarkdownText.escape(f.getFile().getFileName()))
                  .collect(Collectors.joining(", ")));
      links
          .append("- **")
          .append(requirement.label())
          .append("** : ")
          .append(
              attached.isEmpty()
                  ? "aucun fichier"
                  : attached.stream()
                      .map(
                          f ->
                              "<a href=\"/agent/fichiers/"
                                  + f.getId()
                                  + "\" target=\"_blank\">"
                                  + MarkdownText.escape(f.getFile().getFileName())
                                  + "</a>")
                      .collect(Collectors.joining(" · ")))
          .append('\n');
    }
    variables.put("reviewFileLinks", links.toString());
    variables.put(RenewalProcess.VAR_REQUEST_NUMBER, renewal.getRequestNumber());
    variables.put(RenewalProcess.VAR_APPLICANT_ID, renewal.getApplicantId());
    variables.put("depositSummary", filing.summary(renewal));
    variables.put("applicantObservations", renewal.getObservations());
    variables.put("caseStatusLabel", CaseStatus.IN_REVIEW.label());
    variables.put("complementHistory", complementHistory(renewal));
    return variables;
  }

  /**
   * Records the agent's review: every required document, and only those, with a verdict; an
   * observation for every invalid or missing one.
   *
   * @return whether every document is valid
   */
  @Transactional
  public boolean record(
      String processInstanceId, InstructionForms.ReviewApplication form, String agent) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    List<DocumentRequirement> requirements = documents.requirements(renewal.getId());
    Map<String, String> labels =
        requirements.stream()
            .collect(
                Collectors.toMap(
                    DocumentRequirement::code,
                    DocumentRequirement::label,
                    (a, b) -> a,
                    LinkedHashMap::new));
    Map<String, String> blocks = blocks(requirements);
    List<ReviewItem> items =
        labels.keySet().stream()
            .map(
                code ->
                    new ReviewItem(
                        code,
                        labels.get(code),
                        null,
                        form.of(blocks.get(code)).verdict(),
                        form.of(blocks.get(code)).observation()))
            .toList();
    List<String> errors = new ArrayList<>();
    for (ReviewItem item : items) {
      String label = labels.getOrDefault(item.code(), item.code());
      if (item.verdict() == null || !VERDICTS.contains(item.verdict())) {
        errors.add("Indiquez si le document « " + label + " » est valide, invalide ou manquant.");
      } else if (!"VALID".equals(item.verdict())
          && (item.observation() == null || item.observation().isBlank())) {
        errors.add(
            "Une observation est obligatoire pour le document « "
                + label
                + " » : elle sera transmise à l'usager.");
      } else if (item.observation() != null && item.observation().length() > 1000) {
        errors.add("L'observation sur « " + label + " » ne doit pas dépasser 1000 caractères.");
      }
    }
    String note = form.privateNote();
    if (note != null && note.length() > 2000) {
      errors.add("La note interne ne doit pas dépasser 2000 caractères.");
    }
    Refusal.unless(errors);
    int round = reviews.lastRound(renewal.getId()) + 1;
    for (ReviewItem item : items) {
      reviews.save(
          new DocumentReviewEntry(
              renewal.getId(),
              round,
              new ReviewItem(
                  item.code(),
                  labels.get(item.code()),
                  item.files(),
                  item.verdict(),
                  "VALID".equals(item.verdict()) ? null : item.observation()),
              clock.instant(),
              agent));
    }
    if (note != null && !note.isEmpty()) {
      notes.save(new AgentNote(renewal.getId(), agent, clock.instant(), note));
    }
    long notValid = items.stream().filter(i -> !"VALID".equals(i.verdict())).count();
    cases.log(
        renewal,
        agent,
        CaseEventKind.DOCUMENTS_REVIEWED,
        "Examen n° "
            + round
            + " : "
            + (notValid == 0
                ? "pièces complètes"
                : notValid + " document(s) invalide(s) ou manquant(s)"));
    return notValid == 0;
  }

  /**
   * The form's block of each required document: its named block if the form has one, else the next
   * numbered block ({@code slot1}…), in the DMN's order. Computed from the case's required
   * documents (fixed at step 3), so the task's creation and its completion agree. More added
   * documents than numbered blocks stop the task's creation as an incident that says so.
   */
  static Map<String, String> blocks(List<DocumentRequirement> requirements) {
    Map<String, String> blocks = new LinkedHashMap<>();
    int slot = 0;
    for (DocumentRequirement requirement : requirements) {
      if (FORM_CODES.contains(requirement.code())) {
        blocks.put(requirement.code(), requirement.code());
      } else if (slot < InstructionForms.ReviewApplication.SLOTS) {
        blocks.put(requirement.code(), InstructionForms.ReviewApplication.slot(++slot));
      } else {
        throw new IllegalStateException(
            "Le formulaire review-application a "
                + InstructionForms.ReviewApplication.SLOTS
                + " blocs pour les justificatifs ajoutés au DMN : ajoutez-en un pour « "
                + requirement.label()
                + " » ("
                + requirement.code()
                + ").");
      }
    }
    return blocks;
  }

  /** The verdicts of the latest review round of a case. */
  @Transactional(readOnly = true)
  List<ReviewItem> latestRound(java.util.UUID caseId) {
    return reviews.findByCaseIdAndRoundOrderByIdAsc(caseId, reviews.lastRound(caseId)).stream()
        .map(r -> new ReviewItem(r.documentCode, r.label, null, r.verdict, r.observation))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<String> privateNotes(java.util.UUID caseId) {
    return notes.findByCaseIdOrderByWrittenAtAsc(caseId).stream()
        .map(n -> n.author + " : " + n.text)
        .toList();
  }

  private String complementHistory(RenewalCase renewal) {
    StringBuilder text = new StringBuilder();
    for (ComplementRequest request : complements.findByCaseIdOrderByRoundAsc(renewal.getId())) {
      text.append("Demande de complément n° ")
          .append(request.round)
          .append(" : ")
          .append(
              request.status == ComplementRequest.Status.ANSWERED
                  ? "réponse reçue"
                  : "sans réponse")
          .append('\n');
      for (ComplementItem item : request.items) {
        text.append("  • ").append(item.label).append(" : ").append(answerLabel(item)).append('\n');
      }
      if (request.applicantMessage != null) {
        text.append("  Message de l'usager : ").append(request.applicantMessage).append('\n');
      }
    }
    return text.toString().strip();
  }

  private static String answerLabel(ComplementItem item) {
    if (item.answer == null) {
      return "pas de réponse";
    }
    return switch (item.answer) {
      case "MAINTAIN" -> "document maintenu (« " + item.maintainReason + " »)";
      case "UPDATE" -> "document mis à jour";
      default -> "document fourni";
    };
  }
}
