package fr.anef.renewal.web;

import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Modifier mon adresse email » in the personal space: the new address typed twice; it changes
 * only when the link sent to it is used (/compte/courriel). The engine's own {@code PUT
 * /user/{id}/profile} is closed to users.
 */
@Controller
@RequestMapping("/mon-espace/courriel")
class AccountEmailController {

  private final AccountService accounts;

  AccountEmailController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping
  String form(HttpServletRequest request, Model model) {
    return page(request, model);
  }

  @PostMapping
  String request(
      HttpServletRequest request,
      Model model,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String emailConfirmation) {
    try {
      model.addAttribute(
          "sent", accounts.requestEmailChange(AppUser.of(request).id(), email, emailConfirmation));
    } catch (Refusal refusal) {
      model.addAttribute("errors", refusal.reasons());
      model.addAttribute("email", email);
    }
    return page(request, model);
  }

  private String page(HttpServletRequest request, Model model) {
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    model.addAttribute("current", accounts.accountEmail(AppUser.of(request).id()).orElse(null));
    return "account-email";
  }
}
