package fr.anef.renewal.web;

import fr.anef.renewal.instruction.Complements;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Mes notifications », with the seed's filter and paging. */
@Controller
@RequestMapping("/mon-espace/notifications")
class NotificationPagesController {

  static final List<Integer> PAGE_SIZES = List.of(10, 20, 50);

  private final NotificationService notifications;
  private final Complements complements;

  NotificationPagesController(NotificationService notifications, Complements complements) {
    this.notifications = notifications;
    this.complements = complements;
  }

  @GetMapping
  String list(
      HttpServletRequest request,
      Model model,
      @RequestParam(defaultValue = "ALL") String filtre,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "10") int taille) {
    NotificationFilter filter = NotificationFilter.parse(filtre);
    int size = PAGE_SIZES.contains(taille) ? taille : 10;
    Page<Notification> found = notifications.list(AppUser.of(request).id(), filter, page, size);
    model.addAttribute("page", found);
    model.addAttribute("filter", filter);
    model.addAttribute("filters", NotificationFilter.values());
    model.addAttribute("size", size);
    model.addAttribute("sizes", PAGE_SIZES);
    return "notifications";
  }

  /**
   * Opening a notification records, once, that the applicant has read it (acknowledgement of
   * receipt).
   */
  @GetMapping("/{id}")
  String open(HttpServletRequest request, Model model, @PathVariable UUID id) {
    model.addAttribute(
        "notification",
        notifications.open(AppUser.of(request).id(), id).orElseThrow(OwnedResources::notFound));
    complements
        .view(id)
        .ifPresent(
            view -> {
              model.addAttribute("complement", view);
              model.addAttribute("replyAction", "/mon-espace/notifications/" + id + "/reponse");
              model.addAttribute("filesBase", "/mon-espace/justificatifs/fichiers");
            });
    model.addAttribute("downloads", notifications.downloadsOf(id));
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    return "notification";
  }

  /**
   * « Valider et envoyer » of a « Demande de complément »: all or nothing, once, before the
   * deadline.
   */
  @PostMapping("/{id}/reponse")
  String reply(
      MultipartHttpServletRequest request, @PathVariable UUID id, RedirectAttributes redirect) {
    try {
      complements.reply(
          AppUser.of(request).id(),
          id,
          ComplementForm.answers(request),
          request.getParameter("message"));
      redirect.addFlashAttribute(
          "success", "Votre réponse a bien été envoyée à l'agent instructeur.");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/mon-espace/notifications/" + id;
  }
}
