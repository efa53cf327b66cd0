/**
 * The application's own pages (« Mon espace », upload of justificatifs, « Mes notifications », agents'
 * case view, demo mailbox) and JSON API: thin controllers over the capabilities' services. Every lookup is
 * scoped to the authenticated user.
 */
package fr.anef.renewal.web;
