package fr.anef.renewal.web;

import fr.anef.renewal.documents.DocumentRequirement;
import fr.anef.renewal.documents.UploadedFile;
import fr.anef.renewal.shared.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One sending of the upload page (« Envoyer », once for every document): the files chosen for each
 * document (input {@code fichiers-<code>}) are stored one by one, in the order of the page, each
 * under the rules of its document; a refused file is named with its reason under its document, and
 * never takes the others of the sending down with it.
 */
final class DocumentSending {

  static final String FIELD_PREFIX = "fichiers-";

  /** Stores the files of one document; {@link Refusal} naming each refused file. */
  @FunctionalInterface
  interface Attach {
    int attach(String documentCode, List<UploadedFile> files);
  }

  private DocumentSending() {}

  /**
   * Sends and leaves the outcome for the page shown next: {@code success}, {@code refused} (code →
   * reasons), {@code errors}.
   */
  static void send(
      MultiValueMap<String, MultipartFile> parts,
      List<DocumentRequirement> requirements,
      Attach attach,
      RedirectAttributes redirect) {
    int stored = 0;
    int chosen = 0;
    Map<String, List<String>> refused = new LinkedHashMap<>();
    for (DocumentRequirement requirement : requirements) {
      for (UploadedFile file :
          ApplicantApiController.toUploads(parts.get(FIELD_PREFIX + requirement.code()))) {
        chosen++;
        try {
          stored += attach.attach(requirement.code(), List.of(file));
        } catch (Refusal refusal) {
          refused
              .computeIfAbsent(requirement.code(), code -> new ArrayList<>())
              .addAll(refusal.reasons());
        }
      }
    }
    if (chosen == 0) {
      redirect.addFlashAttribute(
          "errors",
          List.of("Aucun fichier choisi : choisissez au moins un fichier, puis « Envoyer »."));
      return;
    }
    if (stored > 0) {
      redirect.addFlashAttribute(
          "success", stored == 1 ? "1 fichier enregistré." : stored + " fichiers enregistrés.");
    }
    if (!refused.isEmpty()) {
      redirect.addFlashAttribute("refused", refused);
    }
  }

  /**
   * Where the page opens after a sending: on the refusals (focused) when there are any, else at its
   * top (the count).
   */
  static String anchor(RedirectAttributes redirect) {
    Map<String, ?> flash = redirect.getFlashAttributes();
    return flash.containsKey("refused") || flash.containsKey("errors") ? "#erreurs" : "";
  }
}
