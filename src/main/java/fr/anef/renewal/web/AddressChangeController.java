package fr.anef.renewal.web;

import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.register.Register;
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
 * « Déclarer un changement d'adresse » in the personal space: the new address in France; a renewal
 * filed and not yet decided goes to the préfecture of the new address (ADR 0016).
 */
@Controller
@RequestMapping("/mon-espace/adresse")
class AddressChangeController {

  private final FilingService filing;
  private final Register register;

  AddressChangeController(FilingService filing, Register register) {
    this.filing = filing;
    this.register = register;
  }

  @GetMapping
  String form(HttpServletRequest request, Model model) {
    return page(request, model);
  }

  @PostMapping
  String declare(
      HttpServletRequest request,
      Model model,
      @RequestParam(defaultValue = "") String adresse,
      @RequestParam(defaultValue = "") String codePostal,
      @RequestParam(defaultValue = "") String commune) {
    AppUser user = AppUser.of(request);
    try {
      model.addAttribute(
          "success",
          filing
              .declareNewAddress(user.id(), user.id(), adresse, codePostal, commune)
              .map(
                  p ->
                      "Votre nouvelle adresse est enregistrée. Votre demande en cours est transmise à la "
                          + Character.toLowerCase(p.name().charAt(0))
                          + p.name().substring(1)
                          + ", compétente pour votre nouvelle "
                          + "adresse ; son numéro ne change pas.")
              .orElse("Votre nouvelle adresse est enregistrée."));
    } catch (Refusal refusal) {
      model.addAttribute("errors", refusal.reasons());
      model.addAttribute("adresse", adresse);
      model.addAttribute("codePostal", codePostal);
      model.addAttribute("commune", commune);
    }
    return page(request, model);
  }

  private String page(HttpServletRequest request, Model model) {
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    model.addAttribute("person", register.person(AppUser.of(request).id()).orElse(null));
    return "address-change";
  }
}
