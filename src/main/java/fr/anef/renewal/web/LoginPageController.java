package fr.anef.renewal.web;

import fr.anef.renewal.security.ApplicationLogin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one login page of the application, for applicants, agents, doctors and administrators alike (seed section 7,
 * ADR 0015): identifier (the N° étranger for applicants) and password, « Mot de passe oublié ? », « Première visite ?
 * Créez votre compte ». It opens the session the Camunda webapps and the application's pages share, then returns to
 * the page asked for ({@code suite}, a path of this application only).
 */
@Controller
class LoginPageController {

  static final String REFUSED = "Connexion refusée : identifiant ou mot de passe incorrect, ou compte temporairement "
      + "verrouillé après plusieurs essais erronés. Réessayez plus tard, ou choisissez un nouveau mot de passe avec "
      + "« Mot de passe oublié ? ».";

  private final ApplicationLogin login;

  LoginPageController(ApplicationLogin login) {
    this.login = login;
  }

  @ModelAttribute("csrf")
  String csrf(HttpServletRequest request) {
    return CsrfTokens.tokenOf(request);
  }

  @GetMapping("/connexion")
  String form(HttpServletRequest request, Model model, @RequestParam(defaultValue = "") String suite) {
    if (ApplicationLogin.userOf(request).isPresent()) {
      return "redirect:" + ApplicationLogin.safeDestination(request.getContextPath(), suite);
    }
    model.addAttribute("suite", suite);
    return "login";
  }

  @PostMapping("/connexion")
  String logIn(HttpServletRequest request, Model model, @RequestParam(defaultValue = "") String identifiant,
      @RequestParam(defaultValue = "") String motDePasse, @RequestParam(defaultValue = "") String suite) {
    if (login.logIn(request, identifiant.trim(), motDePasse)) {
      return "redirect:" + ApplicationLogin.safeDestination(request.getContextPath(), suite);
    }
    model.addAttribute("suite", suite);
    model.addAttribute("identifiant", identifiant);
    model.addAttribute("errors", java.util.List.of(REFUSED));
    return "login";
  }

  @PostMapping("/deconnexion")
  String logOut(HttpServletRequest request) {
    ApplicationLogin.logOut(request);
    return "redirect:/connexion?deconnecte";
  }
}
