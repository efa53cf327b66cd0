/**
 * The case kernel: the renewal case ({@link fr.anef.renewal.cases.RenewalCase}), its statuses and
 * the changes the procedure allows ({@link fr.anef.renewal.cases.CaseStatus}), its history with
 * typed kinds ({@link fr.anef.renewal.cases.CaseEventKind}) and the lookups every capability uses
 * ({@link fr.anef.renewal.cases.Cases}). Its tables are reached through {@code cases.internal}
 * only.
 */
@ApplicationModule(
    displayName = "Dossier (noyau)",
    allowedDependencies = {"processes"})
package fr.anef.renewal.cases;

import org.springframework.modulith.ApplicationModule;
