package fr.anef.renewal.web;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentRequirement;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.documents.UploadedFile;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.ActorGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicant's JSON API: cases, uploads of the current draft, issued documents, notifications.
 */
@RestController
@RequestMapping("/api")
class ApplicantApiController {

  private final FilingService filing;
  private final Cases renewals;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final OwnedResources owned;
  private final fr.anef.renewal.instruction.Complements complements;
  private final CaseHistory caseHistory;

  ApplicantApiController(
      FilingService filing,
      Cases renewals,
      DocumentService documents,
      NotificationService notifications,
      OwnedResources owned,
      fr.anef.renewal.instruction.Complements complements,
      CaseHistory caseHistory) {
    this.filing = filing;
    this.renewals = renewals;
    this.documents = documents;
    this.notifications = notifications;
    this.owned = owned;
    this.complements = complements;
    this.caseHistory = caseHistory;
  }

  record IssuedView(
      UUID id, String kind, String fileName, long sizeBytes, String sha256, Instant issuedAt) {
    static IssuedView of(IssuedDocument d) {
      return new IssuedView(
          d.getId(),
          d.getKind(),
          d.getFileName(),
          d.getSizeBytes(),
          d.getSha256(),
          d.getIssuedAt());
    }
  }

  record CaseView(
      UUID id,
      String requestNumber,
      String processInstanceId,
      String status,
      String statusLabel,
      Instant createdAt,
      Instant depositedAt,
      String filingTiming,
      List<IssuedView> documents) {}

  /** Who is logged in, for the application's script in Tasklist (anef/tasklist.js). */
  record MeView(String id, boolean demandeur) {}

  record FileView(
      UUID id,
      String documentCode,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256) {
    static FileView of(DocumentFile f) {
      return new FileView(
          f.getId(),
          f.getDocumentCode(),
          f.getFile().getFileName(),
          f.getFile().getContentType(),
          f.getFile().getSizeBytes(),
          f.getFile().getSha256());
    }
  }

  record DownloadView(UUID documentId, String label) {}

  record NotificationView(
      UUID id,
      Instant createdAt,
      String category,
      String kind,
      String title,
      boolean read,
      Instant readAt,
      String body,
      UUID attachmentId,
      List<DownloadView> downloads) {
    static NotificationView of(Notification n, boolean withBody, List<DownloadView> downloads) {
      return new NotificationView(
          n.getId(),
          n.getCreatedAt(),
          n.getCategory(),
          n.getKind(),
          n.getTitle(),
          n.isRead(),
          n.getReadAt(),
          withBody ? n.getBody() : null,
          n.getAttachmentId(),
          downloads);
    }
  }

  @GetMapping("/moi")
  MeView me(HttpServletRequest request) {
    AppUser user = AppUser.of(request);
    return new MeView(user.id(), user.isIn(ActorGroups.APPLICANTS));
  }

  @GetMapping("/demandes")
  List<CaseView> cases(HttpServletRequest request) {
    return renewals.casesOf(AppUser.of(request).id()).stream().map(this::view).toList();
  }

  private CaseView view(RenewalCase c) {
    return new CaseView(
        c.getId(),
        c.getRequestNumber(),
        c.getProcessInstanceId(),
        c.getStatus().name(),
        c.getStatus().label(),
        c.getCreatedAt(),
        c.getDepositedAt(),
        c.getFilingTiming() == null ? null : c.getFilingTiming().label(),
        documents.issuedDocumentsOf(c.getId()).stream().map(IssuedView::of).toList());
  }

  @GetMapping("/demandes/courante/justificatifs")
  Map<String, Object> currentDocuments(HttpServletRequest request) {
    RenewalCase draft =
        renewals
            .currentDraft(AppUser.of(request).id())
            .orElseThrow(
                () ->
                    new org.springframework.web.server.ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Aucune demande en cours de saisie."));
    List<DocumentRequirement> requirements = documents.requirements(draft.getId());
    return Map.of(
        "requirements",
        requirements,
        "files",
        documents.filesOf(draft.getId()).stream().map(FileView::of).toList());
  }

  @PostMapping("/demandes/courante/justificatifs/{documentCode}")
  @ResponseStatus(HttpStatus.CREATED)
  List<FileView> upload(
      HttpServletRequest request,
      @PathVariable String documentCode,
      @RequestParam(name = "fichiers", required = false) List<MultipartFile> files) {
    return filing.attach(AppUser.of(request).id(), documentCode, toUploads(files)).stream()
        .map(FileView::of)
        .toList();
  }

  @DeleteMapping("/demandes/courante/justificatifs/fichiers/{fileId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(HttpServletRequest request, @PathVariable UUID fileId) {
    filing.detach(AppUser.of(request).id(), fileId);
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<byte[]> issued(HttpServletRequest request, @PathVariable UUID id) {
    return Downloads.of(documents.download(owned.issued(AppUser.of(request), id)), false);
  }

  @GetMapping("/fichiers/{id}")
  ResponseEntity<byte[]> file(HttpServletRequest request, @PathVariable UUID id) {
    return Downloads.of(documents.download(owned.file(AppUser.of(request), id)), false);
  }

  @GetMapping("/notifications")
  List<NotificationView> notifications(
      HttpServletRequest request,
      @RequestParam(defaultValue = "ALL") String filtre,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "10") int taille) {
    return notifications
        .list(AppUser.of(request).id(), NotificationFilter.parse(filtre), page, taille)
        .map(n -> NotificationView.of(n, false, List.of()))
        .getContent();
  }

  /** Opening a notification: the first opening is the applicant's acknowledgement of receipt. */
  @GetMapping("/notifications/{id}")
  NotificationView open(HttpServletRequest request, @PathVariable UUID id) {
    return notifications
        .open(AppUser.of(request).id(), id)
        .map(
            n ->
                NotificationView.of(
                    n,
                    true,
                    notifications.downloadsOf(n.getId()).stream()
                        .map(d -> new DownloadView(d.getDocumentId(), d.getLabel()))
                        .toList()))
        .orElseThrow(OwnedResources::notFound);
  }

  /** Reply to a « Demande de complément » (multipart, see {@link ComplementForm}). */
  @PostMapping("/notifications/{id}/reponse")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reply(
      org.springframework.web.multipart.MultipartHttpServletRequest request,
      @PathVariable UUID id) {
    complements.reply(
        AppUser.of(request).id(),
        id,
        ComplementForm.answers(request),
        request.getParameter("message"));
  }

  /** The case's history, as its applicant may read it. */
  @GetMapping("/demandes/{caseId}/historique")
  List<CaseHistory.Line> history(HttpServletRequest request, @PathVariable UUID caseId) {
    return caseHistory.forApplicant(AppUser.of(request), caseId);
  }

  static List<UploadedFile> toUploads(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .filter(
            f ->
                !f.isEmpty()
                    || f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())
        .map(
            f -> {
              try {
                return new UploadedFile(f.getOriginalFilename(), f.getBytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }
}
