package fr.anef.renewal.web;

import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.filing.CounterFiling;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * « Guichet »: the counter route (« solution de substitution ») for a person who cannot file
 * online. The agent checks the person's titre (number and validity dates, as online), then asks for
 * their account (the link goes to the person's e-mail), opens the renewal (its steps land in the
 * agent's Tasklist) and attaches the scanned documents. The person identified stays in the agent's
 * session, never in a URL.
 */
@Controller
@RequestMapping("/agent/guichet")
class CounterPagesController {

  private static final String PERSON = CounterPagesController.class.getName() + ".person";

  private final Register register;
  private final AccountService accounts;
  private final CounterFiling counter;
  private final FilingService filing;
  private final Cases renewals;
  private final DocumentService documents;

  CounterPagesController(
      Register register,
      AccountService accounts,
      CounterFiling counter,
      FilingService filing,
      Cases renewals,
      DocumentService documents) {
    this.register = register;
    this.accounts = accounts;
    this.counter = counter;
    this.filing = filing;
    this.renewals = renewals;
    this.documents = documents;
  }

  @GetMapping
  String page(HttpServletRequest request, Model model) {
    AppUser agent = AgentPagesController.requireAgent(request);
    String department = AgentScopes.departmentOf(agent.groups()).orElse(null);
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    model.addAttribute("prefecture", department == null ? null : Prefectures.name(department));
    model.addAttribute(
        "drafts", department == null ? List.of() : renewals.counterDrafts(department));
    String person = (String) request.getSession().getAttribute(PERSON);
    if (person != null) {
      register
          .person(person)
          .ifPresent(
              p -> {
                model.addAttribute("person", p);
                model.addAttribute("hasAccount", accounts.hasAccount(p.getForeignerNumber()));
                model.addAttribute(
                    "accountRequests", accounts.counterRequests(p.getForeignerNumber()));
                // The person's cases instructed here; another préfecture's stay with it.
                model.addAttribute(
                    "cases",
                    renewals.casesOf(p.getForeignerNumber()).stream()
                        .filter(
                            c -> c.getDepartment() != null && c.getDepartment().equals(department))
                        .toList());
              });
    }
    return "counter";
  }

  /** The person shows their titre: its number and validity dates must match the register. */
  @PostMapping("/identification")
  String identify(HttpServletRequest request, RedirectAttributes redirect, TitleForm form) {
    AgentPagesController.requireAgent(request);
    HttpSession session = request.getSession();
    session.removeAttribute(PERSON);
    register
        .verifiedTitle(form.numero(), form.start(), form.end())
        .ifPresentOrElse(
            title -> session.setAttribute(PERSON, title.getForeignerNumber()),
            () -> redirect.addFlashAttribute("errors", List.of(AccountService.NO_SUCH_TITLE)));
    return "redirect:/agent/guichet";
  }

  @PostMapping("/fin")
  String done(HttpServletRequest request) {
    AgentPagesController.requireAgent(request);
    request.getSession().removeAttribute(PERSON);
    return "redirect:/agent/guichet";
  }

  /**
   * « Créer son compte »: the confirmation link goes to the person's e-mail; the agent never sees a
   * password.
   */
  @PostMapping("/compte")
  String account(
      HttpServletRequest request,
      RedirectAttributes redirect,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String emailConfirmation) {
    AppUser agent = AgentPagesController.requireAgent(request);
    try {
      accounts.requestAccountAtCounter(agent.id(), identified(request), email, emailConfirmation);
      redirect.addFlashAttribute(
          "success",
          "Demande de création de compte bien enregistrée : un email de confirmation "
              + "a été envoyé à "
              + email.strip()
              + ". La personne y crée elle-même son mot de passe (lien valable 24 heures).");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/agent/guichet";
  }

  /**
   * « Ouvrir la demande au guichet »: the four steps appear in the agent's Tasklist (« Mes
   * démarches »).
   */
  @PostMapping("/demande")
  String open(HttpServletRequest request, RedirectAttributes redirect) {
    AppUser agent = AgentPagesController.requireAgent(request);
    try {
      counter.open(agent.id(), agent.groups(), identified(request));
      redirect.addFlashAttribute(
          "success",
          "Demande ouverte au guichet : remplissez les étapes 1 à 4 dans Tasklist "
              + "(filtre « Mes démarches ») et joignez les documents numérisés depuis cette page.");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/agent/guichet";
  }

  @GetMapping("/demandes/{caseId}/justificatifs")
  String uploadPage(HttpServletRequest request, Model model, @PathVariable UUID caseId) {
    RenewalCase draft = counterDraft(AgentPagesController.requireAgent(request), caseId);
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    model.addAttribute("draft", draft);
    model.addAttribute("person", register.person(draft.getApplicantId()).orElseThrow());
    model.addAttribute("uploadBase", "/agent/guichet/demandes/" + caseId + "/justificatifs");
    model.addAttribute("filesBase", "/agent/fichiers");
    model.addAttribute("requirements", documents.requirements(caseId));
    model.addAttribute(
        "files",
        documents.filesOf(caseId).stream()
            .collect(Collectors.groupingBy(DocumentFile::getDocumentCode)));
    return "documents";
  }

  /**
   * « Envoyer »: the scans of every document at once, each under its rules (see {@link
   * DocumentSending}).
   */
  @PostMapping("/demandes/{caseId}/justificatifs")
  String upload(
      HttpServletRequest request,
      @PathVariable UUID caseId,
      @RequestParam MultiValueMap<String, MultipartFile> files,
      RedirectAttributes redirect) {
    AppUser agent = AgentPagesController.requireAgent(request);
    try {
      counterDraft(agent, caseId);
      DocumentSending.send(
          files,
          documents.requirements(caseId),
          (code, chosen) -> filing.attachAtCounter(agent.id(), caseId, code, chosen).size(),
          redirect);
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/agent/guichet/demandes/"
        + caseId
        + "/justificatifs"
        + DocumentSending.anchor(redirect);
  }

  @PostMapping("/demandes/{caseId}/justificatifs/fichiers/{fileId}/supprimer")
  String remove(
      HttpServletRequest request,
      @PathVariable UUID caseId,
      @PathVariable UUID fileId,
      RedirectAttributes redirect) {
    AppUser agent = AgentPagesController.requireAgent(request);
    try {
      counterDraft(agent, caseId);
      filing.detachAtCounter(agent.id(), caseId, fileId);
      redirect.addFlashAttribute("success", "Le fichier a été supprimé.");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/agent/guichet/demandes/" + caseId + "/justificatifs";
  }

  /** A draft opened at the counter of the agent's préfecture; any other reads as absent. */
  private RenewalCase counterDraft(AppUser agent, UUID caseId) {
    RenewalCase draft = filing.counterDraftOrRefuse(caseId);
    if (!OwnedResources.inScope(agent, draft)) {
      throw new Refusal(
          "Aucune demande ouverte au guichet n'est en cours de saisie sous cette référence.");
    }
    return draft;
  }

  private static String identified(HttpServletRequest request) {
    Object person = request.getSession().getAttribute(PERSON);
    if (person == null) {
      throw new Refusal("Vérifiez d'abord le titre de séjour de la personne reçue au guichet.");
    }
    return (String) person;
  }
}
