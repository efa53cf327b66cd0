package fr.anef.renewal.pdf;

/**
 * One line of the « Liste des documents justificatifs à fournir ».
 *
 * @param section heading the item is listed under (« DOMICILE », « MOTIF DE SÉJOUR » …)
 * @param label the document asked for, printed once even when several items share it
 * @param guidance what to send; line breaks start new lines, lines starting with « - » are list
 *     items
 * @param maxFiles files accepted for this document, printed as « (N fichiers maximum) »; 0 prints
 *     nothing
 */
public record RequiredDocumentItem(String section, String label, String guidance, int maxFiles) {}
