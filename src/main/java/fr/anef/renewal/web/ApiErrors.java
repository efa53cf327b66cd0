package fr.anef.renewal.web;

import fr.anef.renewal.shared.Refusal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refusals of the JSON API: HTTP 400 with the French messages (a sending too large: {@link
 * UploadSizeLimit}).
 */
@RestControllerAdvice(assignableTypes = ApplicantApiController.class)
class ApiErrors {

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, List<String>>> refused(Refusal refusal) {
    return ResponseEntity.badRequest().body(Map.of("messages", refusal.reasons()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, List<String>>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("messages", List.of(String.valueOf(e.getReason()))));
  }
}
