package fr.anef.renewal.web;

import fr.anef.renewal.shared.Refusal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/** Refusals of the JSON API: HTTP 400 with the French messages. */
@RestControllerAdvice(assignableTypes = ApplicantApiController.class)
class ApiErrors {

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, List<String>>> refused(Refusal refusal) {
    return ResponseEntity.badRequest().body(Map.of("messages", refusal.reasons()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, List<String>>> tooLarge() {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("messages", List.of("L'envoi dépasse la taille autorisée : 10 Mo par fichier.")));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, List<String>>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).body(Map.of("messages", List.of(String.valueOf(e.getReason()))));
  }
}
