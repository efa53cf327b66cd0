package fr.anef.renewal.web;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mon espace »: the applicant's cases, the upload page of step 3, the list of documents to
 * provide.
 */
@Controller
@RequestMapping("/mon-espace")
class ApplicantPagesController {

  private final FilingService filing;
  private final Cases renewals;
  private final DocumentService documents;
  private final OwnedResources owned;
  private final CaseHistory caseHistory;
  private final fr.anef.renewal.notification.NotificationService notifications;
  private final fr.anef.renewal.instruction.Complements complements;

  ApplicantPagesController(
      FilingService filing,
      Cases renewals,
      DocumentService documents,
      OwnedResources owned,
      CaseHistory caseHistory,
      fr.anef.renewal.notification.NotificationService notifications,
      fr.anef.renewal.instruction.Complements complements) {
    this.filing = filing;
    this.renewals = renewals;
    this.documents = documents;
    this.owned = owned;
    this.caseHistory = caseHistory;
    this.notifications = notifications;
    this.complements = complements;
  }

  @GetMapping
  String space(HttpServletRequest request, Model model) {
    AppUser user = AppUser.of(request);
    List<RenewalCase> cases = renewals.casesOf(user.id());
    model.addAttribute("user", user);
    model.addAttribute("cases", cases);
    model.addAttribute(
        "issued",
        cases.stream()
            .collect(
                Collectors.toMap(RenewalCase::getId, c -> documents.issuedDocumentsOf(c.getId()))));
    model.addAttribute(
        "unread",
        notifications
            .list(user.id(), fr.anef.renewal.notification.NotificationFilter.UNREAD, 0, 1)
            .getTotalElements());
    // An open complement request, per case: « Répondre » leads to it.
    Map<UUID, UUID> toAnswer = new java.util.HashMap<>();
    cases.forEach(
        c -> complements.awaitingAnswer(c.getId()).ifPresent(n -> toAnswer.put(c.getId(), n)));
    model.addAttribute("toAnswer", toAnswer);
    return "space";
  }

  @GetMapping("/justificatifs")
  String uploadPage(HttpServletRequest request, Model model) {
    AppUser user = AppUser.of(request);
    if (user.isIn(OwnedResources.AGENTS)) {
      return "redirect:/agent/guichet"; // step 3 of a draft opened at the counter links here too
    }
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    model.addAttribute("uploadBase", "/mon-espace/justificatifs");
    model.addAttribute("filesBase", "/mon-espace/justificatifs/fichiers");
    renewals
        .currentDraft(user.id())
        .ifPresent(
            draft -> {
              model.addAttribute("draft", draft);
              model.addAttribute("requirements", documents.requirements(draft.getId()));
              model.addAttribute(
                  "files",
                  documents.filesOf(draft.getId()).stream()
                      .collect(Collectors.groupingBy(DocumentFile::getDocumentCode)));
            });
    return "documents";
  }

  /**
   * « Envoyer »: every file chosen on the page, each document's under its rules (see {@link
   * DocumentSending}).
   */
  @PostMapping("/justificatifs")
  String upload(
      HttpServletRequest request,
      @RequestParam MultiValueMap<String, MultipartFile> files,
      RedirectAttributes redirect) {
    String applicantId = AppUser.of(request).id();
    try {
      RenewalCase draft =
          renewals
              .currentDraft(applicantId)
              .orElseThrow(
                  () ->
                      new Refusal(
                          "Aucune demande en cours de saisie : une demande déposée ne peut plus être modifiée."));
      DocumentSending.send(
          files,
          documents.requirements(draft.getId()),
          (code, chosen) -> filing.attach(applicantId, code, chosen).size(),
          redirect);
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/mon-espace/justificatifs" + DocumentSending.anchor(redirect);
  }

  @PostMapping("/justificatifs/fichiers/{fileId}/supprimer")
  String remove(
      HttpServletRequest request, @PathVariable UUID fileId, RedirectAttributes redirect) {
    try {
      filing.detach(AppUser.of(request).id(), fileId);
      redirect.addFlashAttribute("success", "Le fichier a été supprimé.");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/mon-espace/justificatifs";
  }

  @GetMapping("/justificatifs/fichiers/{fileId}")
  ResponseEntity<byte[]> file(HttpServletRequest request, @PathVariable UUID fileId) {
    return Downloads.of(documents.download(owned.file(AppUser.of(request), fileId)), true);
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<byte[]> issued(HttpServletRequest request, @PathVariable UUID id) {
    return Downloads.of(documents.download(owned.issued(AppUser.of(request), id)), false);
  }

  @GetMapping("/demandes/{caseId}/historique")
  String history(HttpServletRequest request, Model model, @PathVariable UUID caseId) {
    model.addAttribute("renewal", renewals.byId(caseId).orElseThrow(OwnedResources::notFound));
    model.addAttribute("history", caseHistory.forApplicant(AppUser.of(request), caseId));
    return "history";
  }

  @GetMapping("/liste-des-pieces-justificatives.pdf")
  ResponseEntity<byte[]> requiredDocumentsList(HttpServletRequest request) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("liste-des-pieces-justificatives.pdf")
                .build()
                .toString())
        .body(filing.requiredDocumentsList(AppUser.of(request).id()));
  }
}
