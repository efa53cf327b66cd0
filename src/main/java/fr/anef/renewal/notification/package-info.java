/**
 * « Mes notifications »: every message to an applicant, its e-mail « Vous venez de recevoir une
 * notification … » (no personal data), and the first opening, which is the applicant's
 * acknowledgement of receipt: it is recorded once and published as {@link
 * fr.anef.renewal.notification.NotificationOpened} for the process to correlate the message {@code
 * NotificationRead}.
 */
@ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"mail"})
package fr.anef.renewal.notification;

import org.springframework.modulith.ApplicationModule;
