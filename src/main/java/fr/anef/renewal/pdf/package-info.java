/**
 * PDF documents issued to applicants (PDFBox): owns layout, fonts and wording; knows nothing of
 * cases or processes.
 */
@ApplicationModule(
    displayName = "Documents PDF",
    allowedDependencies = {})
package fr.anef.renewal.pdf;

import org.springframework.modulith.ApplicationModule;
