package fr.anef.renewal.instruction;

import fr.anef.renewal.documents.UploadedFile;
import java.util.List;

/**
 * The applicant's answer for one document of a complement request: for an invalid document «
 * Maintenir le Document » (with a reason) or « Mettre à jour le Document » (with files); for a
 * missing one, files.
 */
public record ComplementAnswer(
    String documentCode, String choice, String reason, List<UploadedFile> files) {

  public static final String MAINTAIN = "MAINTAIN";
  public static final String UPDATE = "UPDATE";
}
