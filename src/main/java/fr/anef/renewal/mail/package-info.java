/**
 * E-mail: an outbox written in the business transaction, each mail sent over SMTP (Spring Mail) by
 * the job of its own {@code mail-dispatch} process instance and marked sent in that job's
 * transaction — a failed send is retried by the engine and ends as an incident in Cockpit, never
 * dropped, and a retry never sends a mail twice. The embedded default runs an in-process SMTP
 * server (GreenMail) and shows received mails to demo users.
 */
@ApplicationModule(
    displayName = "Courriels",
    allowedDependencies = {"documents", "processes", "security", "shared"})
package fr.anef.renewal.mail;

import org.springframework.modulith.ApplicationModule;
