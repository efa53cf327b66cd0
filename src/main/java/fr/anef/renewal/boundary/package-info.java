/**
 * The engine's REST API as a trust boundary. Applicants and agents reach {@code /engine-rest} and
 * the webapps' {@code /camunda/api/engine} directly (Tasklist is only one client of them), so every
 * request is hostile. The engine's own settings and permissions close what they can (ADR 0008);
 * this module holds the one guard the engine has no setting for: what a person may write is exactly
 * what the deployed Camunda Form of their task or start event asks for, and nothing but form
 * submissions, claims and queries is open to them.
 */
@ApplicationModule(
    displayName = "Frontière de l'API du moteur",
    allowedDependencies = {"models", "shared"})
package fr.anef.renewal.boundary;

import org.springframework.modulith.ApplicationModule;
