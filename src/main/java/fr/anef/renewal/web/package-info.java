/**
 * The application's own pages (« Mon espace », upload of justificatifs, « Mes notifications »,
 * agents' case view, demo mailbox) and JSON API: thin controllers over the capabilities' services.
 * Every lookup is scoped to the authenticated user.
 */
@ApplicationModule(
    displayName = "Pages et API JSON",
    allowedDependencies = {
      "account",
      "cases",
      "documents",
      "filing",
      "instruction",
      "mail",
      "medical",
      "models",
      "notification",
      "prefecture",
      "processes",
      "register",
      "security",
      "shared"
    })
package fr.anef.renewal.web;

import org.springframework.modulith.ApplicationModule;
