package fr.anef.renewal.web;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.instruction.Complements;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The préfecture agent's view of a filed case: its data, documents and history (no medical data
 * here).
 */
@Controller
@RequestMapping("/agent")
class AgentPagesController {

  private final Cases cases;
  private final DocumentService documents;
  private final OwnedResources owned;
  private final CaseHistory caseHistory;
  private final fr.anef.renewal.instruction.DocumentReviews reviews;
  private final Complements complements;

  AgentPagesController(
      Cases cases,
      DocumentService documents,
      OwnedResources owned,
      CaseHistory caseHistory,
      fr.anef.renewal.instruction.DocumentReviews reviews,
      Complements complements) {
    this.complements = complements;
    this.cases = cases;
    this.documents = documents;
    this.owned = owned;
    this.caseHistory = caseHistory;
    this.reviews = reviews;
  }

  @GetMapping("/demandes")
  String find(
      HttpServletRequest request,
      Model model,
      @RequestParam(name = "numero", required = false) String number) {
    AppUser agent = requireAgent(request);
    if (number != null && !number.isBlank()) {
      // A case of another préfecture reads as no case at all.
      return cases
          .byRequestNumber(number.strip())
          .filter(c -> OwnedResources.inScope(agent, c))
          .map(c -> "redirect:/agent/demandes/" + c.getRequestNumber())
          .orElseGet(
              () -> {
                model.addAttribute(
                    "error", "Aucune demande ne porte le N° " + number.strip() + ".");
                return "agent-search";
              });
    }
    return "agent-search";
  }

  @GetMapping("/demandes/{requestNumber}")
  String show(HttpServletRequest request, Model model, @PathVariable String requestNumber) {
    RenewalCase filed = caseInScope(requireAgent(request), requestNumber);
    model.addAttribute("renewal", filed);
    model.addAttribute("prefecture", Prefectures.name(filed.getDepartment()));
    var requirements = documents.requirements(filed.getId());
    model.addAttribute("requirements", requirements);
    // The documents by their French names (the DMN's labels), never their codes.
    model.addAttribute(
        "documentLabels",
        requirements.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    fr.anef.renewal.documents.DocumentRequirement::code,
                    fr.anef.renewal.documents.DocumentRequirement::label,
                    (a, b) -> a)));
    model.addAttribute("files", documents.filesOf(filed.getId()));
    model.addAttribute("issued", documents.issuedDocumentsOf(filed.getId()));
    model.addAttribute("history", caseHistory.forAgent(filed));
    model.addAttribute("notes", reviews.privateNotes(filed.getId()));
    complements
        .awaitingAnswer(filed.getId())
        .flatMap(complements::view)
        .ifPresent(
            view -> {
              model.addAttribute("complement", view);
              model.addAttribute("csrf", CsrfTokens.tokenOf(request));
              model.addAttribute(
                  "replyAction", "/agent/demandes/" + filed.getRequestNumber() + "/complement");
              model.addAttribute("filesBase", "/agent/fichiers");
            });
    return "agent-case";
  }

  /**
   * The counter route: the person came with the documents asked for. The agent hands the request
   * over (it counts as read) and sends the person's answer, under the applicant's rules; logged as
   * the agent's act for the person.
   */
  @PostMapping("/demandes/{requestNumber}/complement")
  String replyAtCounter(
      MultipartHttpServletRequest request,
      @PathVariable String requestNumber,
      RedirectAttributes redirect) {
    AppUser agent = requireAgent(request);
    RenewalCase filed = caseInScope(agent, requestNumber);
    try {
      complements.replyAtCounter(
          agent.id(),
          filed.getId(),
          ComplementForm.answers(request),
          request.getParameter("message"));
      redirect.addFlashAttribute(
          "success", "La réponse du demandeur a été enregistrée au guichet.");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/agent/demandes/" + filed.getRequestNumber();
  }

  /**
   * A PDF issued to the applicant (receipt, attestations, decision): to print it for a person at
   * the counter.
   */
  @GetMapping("/documents/{id}")
  ResponseEntity<byte[]> issued(HttpServletRequest request, @PathVariable UUID id) {
    return Downloads.of(documents.download(owned.issued(requireAgent(request), id)), false);
  }

  @GetMapping("/fichiers/{id}")
  ResponseEntity<byte[]> file(HttpServletRequest request, @PathVariable UUID id) {
    return Downloads.of(documents.download(owned.file(requireAgent(request), id)), true);
  }

  /** A filed case of the agent's préfecture; any other reads as absent (404). */
  private RenewalCase caseInScope(AppUser agent, String requestNumber) {
    return cases
        .byRequestNumber(requestNumber)
        .filter(c -> OwnedResources.inScope(agent, c))
        .orElseThrow(OwnedResources::notFound);
  }

  static AppUser requireAgent(HttpServletRequest request) {
    AppUser user = AppUser.of(request);
    if (!user.isIn(OwnedResources.AGENTS)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Réservé aux agents instructeurs de la préfecture.");
    }
    return user;
  }
}
