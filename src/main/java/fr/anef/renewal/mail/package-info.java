/**
 * E-mail: an outbox written in the business transaction and sent over SMTP (Spring Mail) by the job of
 * one {@code mail-dispatch} process instance per mail, so that a failed send is retried by the engine and ends as an incident in Cockpit, never dropped;
 * marked sent in that job's transaction, so a retry never sends a mail twice. The embedded default runs an in-process SMTP
 * server (GreenMail) and shows received mails to demo users.
 */
package fr.anef.renewal.mail;
