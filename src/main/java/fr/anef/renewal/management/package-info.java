/**
 * The managers' view of one préfecture (group {@code prefecture-managers}, scoped by the manager's
 * {@code prefecture-<département>} group): cases by status, time per stage (median, 90th
 * percentile), deadlines of the coming days, a predicted date of decision per open case, the same
 * figures as CSV and ODS, and a chart. Figures are aggregated in the database from what the other
 * capabilities already keep (the case's operation log, complement requests, the medical opinion's
 * and the decision's dates, the engine's timers); this module writes nothing but its groups (ADR
 * 0018).
 */
@ApplicationModule(
    displayName = "Tableau de bord des responsables",
    allowedDependencies = {"cases", "models", "processes", "security", "shared"})
package fr.anef.renewal.management;

import org.springframework.modulith.ApplicationModule;
