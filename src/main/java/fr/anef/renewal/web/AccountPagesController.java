package fr.anef.renewal.web;

import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages of the seed's sections 1–7: create an account, confirm the e-mail, set or reset the
 * password; and the link that confirms a new e-mail ({@link AccountEmailController}).
 */
@Controller
@RequestMapping("/compte")
class AccountPagesController {

  private final AccountService accounts;

  AccountPagesController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** Every page of these forms carries the session's CSRF token. */
  @ModelAttribute("csrf")
  String csrf(HttpServletRequest request) {
    return CsrfTokens.tokenOf(request);
  }

  @GetMapping("/creation")
  String creationForm() {
    return "account-create";
  }

  @PostMapping("/creation")
  String create(
      Model model,
      TitleForm title,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String emailConfirmation) {
    model.addAttribute("numero", title.numero());
    model.addAttribute("email", email);
    try {
      accounts.requestAccount(title.numero(), title.start(), title.end(), email, emailConfirmation);
      return "account-requested";
    } catch (Refusal refusal) {
      model.addAttribute("errors", refusal.reasons());
      return "account-create";
    }
  }

  @GetMapping("/confirmation")
  String confirmation(Model model, @RequestParam(name = "jeton", defaultValue = "") String token) {
    return passwordPage(
        model, token, "CREATE", "/compte/confirmation", "Votre adresse email a bien été validée.");
  }

  @PostMapping("/confirmation")
  String createPassword(
      Model model,
      @RequestParam(name = "jeton", defaultValue = "") String token,
      @RequestParam(defaultValue = "") String motDePasse,
      @RequestParam(defaultValue = "") String confirmation) {
    try {
      model.addAttribute("identifier", accounts.createAccount(token, motDePasse, confirmation));
      return "account-created";
    } catch (Refusal refusal) {
      model.addAttribute("errors", refusal.reasons());
      return passwordPage(model, token, "CREATE", "/compte/confirmation", null);
    }
  }

  @GetMapping("/mot-de-passe-oublie")
  String forgotForm() {
    return "account-forgot";
  }

  @PostMapping("/mot-de-passe-oublie")
  String forgot(Model model, @RequestParam(defaultValue = "") String identifiant) {
    accounts.requestReset(identifiant);
    model.addAttribute("sent", true);
    return "account-forgot";
  }

  @GetMapping("/reinitialisation")
  String resetForm(Model model, @RequestParam(name = "jeton", defaultValue = "") String token) {
    return passwordPage(model, token, "RESET", "/compte/reinitialisation", null);
  }

  @PostMapping("/reinitialisation")
  String reset(
      Model model,
      @RequestParam(name = "jeton", defaultValue = "") String token,
      @RequestParam(defaultValue = "") String motDePasse,
      @RequestParam(defaultValue = "") String confirmation) {
    try {
      accounts.resetPassword(token, motDePasse, confirmation);
      model.addAttribute("reset", true);
      return "account-created";
    } catch (Refusal refusal) {
      model.addAttribute("errors", refusal.reasons());
      return passwordPage(model, token, "RESET", "/compte/reinitialisation", null);
    }
  }

  /**
   * The link mailed to a new address: a GET shows the confirmation (a mail scanner opening it
   * changes nothing).
   */
  @GetMapping("/courriel")
  String emailChangeForm(
      Model model, @RequestParam(name = "jeton", defaultValue = "") String token) {
    if (!accounts.usable(token, "EMAIL_CHANGE")) {
      model.addAttribute("errors", List.of(AccountService.LINK_INVALID));
      model.addAttribute("dead", true);
    }
    model.addAttribute("token", token);
    return "account-email-confirm";
  }

  @PostMapping("/courriel")
  String confirmEmailChange(
      Model model, @RequestParam(name = "jeton", defaultValue = "") String token) {
    try {
      model.addAttribute("changed", accounts.confirmEmailChange(token));
    } catch (Refusal refusal) {
      model.addAttribute("errors", refusal.reasons());
      model.addAttribute("dead", true);
    }
    return "account-email-confirm";
  }

  private String passwordPage(
      Model model, String token, String purpose, String action, String notice) {
    if (!accounts.usable(token, purpose) && !model.containsAttribute("errors")) {
      model.addAttribute("errors", List.of(AccountService.LINK_INVALID));
      model.addAttribute("dead", true);
    }
    model.addAttribute("token", token);
    model.addAttribute("action", action);
    model.addAttribute("notice", notice);
    return "account-password";
  }
}
