package fr.anef.renewal.web;

import fr.anef.renewal.medical.MedicalFiles;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * OFII's medical file pages, under medical secrecy: only members of {@code ofii-doctors} or {@code
 * ofii-college} get them; anybody else — a préfecture agent included — gets 403 and nothing
 * medical.
 */
@Controller
@RequestMapping("/ofii")
class OfiiPagesController {

  static final List<String> OFII_GROUPS =
      List.of(ActorGroups.OFII_DOCTORS, ActorGroups.OFII_COLLEGE);

  private final MedicalFiles files;

  OfiiPagesController(MedicalFiles files) {
    this.files = files;
  }

  static AppUser requireOfii(HttpServletRequest request) {
    AppUser user = AppUser.of(request);
    if (OFII_GROUPS.stream().noneMatch(user::isIn)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Dossier couvert par le secret médical : réservé aux médecins de l'OFII.");
    }
    return user;
  }

  @GetMapping("/dossiers/{id}")
  String file(HttpServletRequest request, Model model, @PathVariable UUID id) {
    requireOfii(request);
    model.addAttribute("file", files.view(id).orElseThrow(OwnedResources::notFound));
    model.addAttribute("kinds", MedicalFiles.DOCUMENT_KINDS);
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    return "ofii-file";
  }

  @PostMapping("/dossiers/{id}/pieces")
  String upload(
      HttpServletRequest request,
      @PathVariable UUID id,
      @RequestParam String kind,
      @RequestParam(name = "fichiers", required = false) List<MultipartFile> uploads,
      RedirectAttributes redirect) {
    AppUser doctor = requireOfii(request);
    try {
      int stored =
          files.attach(id, kind, ApplicantApiController.toUploads(uploads), doctor.id()).size();
      redirect.addFlashAttribute("success", stored + " fichier(s) ajouté(s) au dossier médical.");
    } catch (Refusal refusal) {
      redirect.addFlashAttribute("errors", refusal.reasons());
    }
    return "redirect:/ofii/dossiers/" + id;
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<byte[]> document(HttpServletRequest request, @PathVariable UUID id) {
    requireOfii(request);
    return Downloads.of(files.download(id).orElseThrow(OwnedResources::notFound), true);
  }
}
