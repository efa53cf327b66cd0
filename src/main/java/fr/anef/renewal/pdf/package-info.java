/**
 * PDF documents issued to applicants (PDFBox): owns layout, fonts and wording; knows nothing of cases or
 * processes.
 */
package fr.anef.renewal.pdf;
