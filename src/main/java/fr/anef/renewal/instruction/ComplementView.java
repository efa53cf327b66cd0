package fr.anef.renewal.instruction;

import fr.anef.renewal.documents.DocumentFile;
import java.time.Instant;
import java.util.List;

/**
 * What the notification page shows of a complement request, and whether it can still be answered.
 */
public record ComplementView(
    boolean open, String closedReason, Instant deadlineAt, List<Item> invalid, List<Item> missing) {

  public record Item(
      String code,
      String label,
      String observation,
      List<DocumentFile> files,
      String answer,
      String reason) {}
}
