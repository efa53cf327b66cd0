/**
 * How the engine holds at national scale (README « Performance », ADR 0007): the authorization
 * check without its whole-table scan, job acquisition by due date, and the indexes the engine's own
 * tables need, and the engine's schema itself, migrated by a Flyway history of their own before the
 * engine starts (ADR 0009); a process instance moved whole from one tenant to another ({@link
 * InstanceTenants}, ADR 0043).
 */
@ApplicationModule(
    displayName = "Moteur à l'échelle nationale",
    allowedDependencies = {"processes"})
package fr.anef.renewal.engine;

import org.springframework.modulith.ApplicationModule;
