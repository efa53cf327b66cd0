/**
 * Filing a renewal: the process {@code residence-permit-renewal} up to « Examiner la demande », the
 * case draft saved at each step (validated again on the server), the dépôt (N° de la demande,
 * business key, nothing changes afterwards), the receipt PDF, its notification and e-mail.
 * Delegates and listeners are one-line adapters over {@link fr.anef.renewal.filing.FilingService}.
 *
 * <p>Never uses {@code instruction}: the dépôt knows nothing of what follows.
 */
@ApplicationModule(
    displayName = "Dépôt de la demande",
    allowedDependencies = {
      "cases",
      "documents",
      "engine",
      "mail",
      "models",
      "notification",
      "pdf",
      "prefecture",
      "processes",
      "register",
      "shared"
    })
package fr.anef.renewal.filing;

import org.springframework.modulith.ApplicationModule;
