/**
 * Small types every capability shares: the refusal carrying French messages, form values and
 * variables, applicant text escaped for the forms that render Markdown.
 */
@ApplicationModule(
    displayName = "Socle commun",
    allowedDependencies = {})
package fr.anef.renewal.shared;

import org.springframework.modulith.ApplicationModule;
