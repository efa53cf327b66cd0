/**
 * Documents of a case: the one upload service of the application (content sniffed with Tika, size
 * and count rules, SHA-256, bytes stored in the database in the caller's transaction), the
 * documents the DMN « required-documents » asks for, and the PDFs the administration issues.
 */
@ApplicationModule(
    displayName = "Pièces et documents émis",
    allowedDependencies = {"shared"})
package fr.anef.renewal.documents;

import org.springframework.modulith.ApplicationModule;
