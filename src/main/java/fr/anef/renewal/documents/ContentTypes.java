package fr.anef.renewal.documents;

import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Recognises accepted formats from the bytes alone (Apache Tika's magic numbers), never from the
 * name a person gave the file.
 */
@Component
class ContentTypes {

  /** Accepted media types and the extension a stored file of that type gets. */
  private static final Map<String, String> ACCEPTED =
      Map.of(
          "image/jpeg", "jpg",
          "image/png", "png",
          "application/pdf", "pdf",
          "image/tiff", "tiff",
          "image/bmp", "bmp",
          "image/x-ms-bmp", "bmp");

  private final Tika tika = new Tika();

  /** The accepted media type of these bytes, or empty if they are of no accepted format. */
  Optional<String> acceptedType(byte[] bytes) {
    String detected = tika.detect(bytes);
    return ACCEPTED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
  }

  String extensionOf(String mediaType) {
    return ACCEPTED.getOrDefault(mediaType, "bin");
  }
}
