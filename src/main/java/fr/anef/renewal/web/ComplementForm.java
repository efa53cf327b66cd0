package fr.anef.renewal.web;

import fr.anef.renewal.instruction.ComplementAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The reply form of a « Demande de complément », as the page and the API send it: per document code
 * {@code reponse_CODE} (MAINTAIN or UPDATE), {@code raison_CODE}, files {@code fichiers_CODE}; and
 * {@code message}.
 */
final class ComplementForm {

  private ComplementForm() {}

  static List<ComplementAnswer> answers(MultipartHttpServletRequest request) {
    Set<String> codes = new LinkedHashSet<>();
    request.getParameterMap().keySet().stream()
        .filter(k -> k.startsWith("reponse_") || k.startsWith("raison_"))
        .forEach(k -> codes.add(k.substring(k.indexOf('_') + 1)));
    request.getMultiFileMap().keySet().stream()
        .filter(k -> k.startsWith("fichiers_"))
        .forEach(k -> codes.add(k.substring("fichiers_".length())));
    List<ComplementAnswer> answers = new ArrayList<>();
    for (String code : codes) {
      answers.add(
          new ComplementAnswer(
              code,
              request.getParameter("reponse_" + code),
              request.getParameter("raison_" + code),
              ApplicantApiController.toUploads(request.getFiles("fichiers_" + code))));
    }
    return answers;
  }
}
