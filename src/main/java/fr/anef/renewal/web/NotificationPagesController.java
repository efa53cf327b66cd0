package fr.anef.renewal.web;

import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.security.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** « Mes notifications », with the seed's filter and paging. */
@Controller
@RequestMapping("/mon-espace/notifications")
class NotificationPagesController {

  static final List<Integer> PAGE_SIZES = List.of(10, 20, 50);

  private final NotificationService notifications;

  NotificationPagesController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  String list(HttpServletRequest request, Model model, @RequestParam(defaultValue = "ALL") String filtre,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int taille) {
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

  /** Opening a notification records, once, that the applicant has read it (acknowledgement of receipt). */
  @GetMapping("/{id}")
  String open(HttpServletRequest request, Model model, @PathVariable UUID id) {
    model.addAttribute("notification",
        notifications.open(AppUser.of(request).id(), id).orElseThrow(OwnedResources::notFound));
    return "notification";
  }
}
