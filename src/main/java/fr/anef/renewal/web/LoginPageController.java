package fr.anef.renewal.web;

import fr.anef.renewal.security.ApplicationLogin;
import fr.anef.renewal.security.FranceConnectLogin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one login page of the application, for applicants, agents, doctors and administrators alike
 * (seed section 7, ADR 0015): identifier (the N° étranger for applicants) and password, « Mot de
 * passe oublié ? », « Première visite ? Créez votre compte ». It opens the session the Camunda
 * webapps and the application's pages share, then returns to the page asked for ({@code suite}, a
 * path of this application only).
 */
@Controller
class LoginPageController {

  static final String REFUSED =
      "Connexion refusée : identifiant ou mot de passe incorrect, ou compte temporairement "
          + "verrouillé après plusieurs essais erronés. Réessayez plus tard, ou choisissez un nouveau mot de passe avec "
          + "« Mot de passe oublié ? ».";

  private final ApplicationLogin login;

  /**
   * Present when « S'identifier avec FranceConnect » is configured (anef.franceconnect.issuer-uri).
   */
  private final ObjectProvider<FranceConnectLogin> franceConnect;

  LoginPageController(ApplicationLogin login, ObjectProvider<FranceConnectLogin> franceConnect) {
    this.login = login;
    this.franceConnect = franceConnect;
  }

  @ModelAttribute("franceConnect")
  boolean franceConnect() {
    return franceConnect.getIfAvailable() != null;
  }

  @ModelAttribute("csrf")
  String csrf(HttpServletRequest request) {
    return CsrfTokens.tokenOf(request);
  }

  @GetMapping("/connexion")
  String form(
      HttpServletRequest request, Model model, @RequestParam(defaultValue = "") String suite) {
    if (ApplicationLogin.userOf(request).isPresent()) {
      return "redirect:" + ApplicationLogin.safeDestination(request.getContextPath(), suite);
    }
    model.addAttribute("suite", suite);
    return "login";
  }

  @PostMapping("/connexion")
  String logIn(
      HttpServletRequest request,
      Model model,
      @RequestParam(defaultValue = "") String identifiant,
      @RequestParam(defaultValue = "") String motDePasse,
      @RequestParam(defaultValue = "") String suite) {
    if (login.logIn(request, identifiant.trim(), motDePasse)) {
      return "redirect:" + ApplicationLogin.safeDestination(request.getContextPath(), suite);
    }
    model.addAttribute("suite", suite);
    model.addAttribute("identifiant", identifiant);
    model.addAttribute("errors", java.util.List.of(REFUSED));
    return "login";
  }

  /**
   * « S'identifier avec FranceConnect »: keeps the page to return to, then off to FranceConnect
   * (ADR 0021).
   */
  @GetMapping("/connexion/franceconnect")
  String franceConnect(HttpServletRequest request, @RequestParam(defaultValue = "") String suite) {
    if (franceConnect.getIfAvailable() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    request.getSession().setAttribute(FranceConnectLogin.DESTINATION, suite);
    return "redirect:" + FranceConnectLogin.START;
  }

  /** Why FranceConnect did not open a session, in French; nothing was created. */
  @GetMapping(FranceConnectLogin.REFUSAL_PAGE)
  String franceConnectRefused(Model model, @RequestParam(defaultValue = "echec") String motif) {
    FranceConnectLogin.Refusal refusal =
        java.util.Arrays.stream(FranceConnectLogin.Refusal.values())
            .filter(r -> r.name().equalsIgnoreCase(motif))
            .findFirst()
            .orElse(FranceConnectLogin.Refusal.ECHEC);
    model.addAttribute("motif", refusal.name().toLowerCase());
    return "franceconnect-refused";
  }

  @PostMapping("/deconnexion")
  String logOut(HttpServletRequest request) {
    ApplicationLogin.logOut(request);
    return "redirect:/connexion?deconnecte";
  }
}
