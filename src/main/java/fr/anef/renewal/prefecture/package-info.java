/**
 * The préfectures: which one is competent for an address (postal code → département → préfecture,
 * CESEDA R. 431-20), the scope group {@code prefecture-<dept>} an agent belongs to, and the engine
 * tenant of the same id that holds its cases, so that only that préfecture's agents see and act on
 * a case (ADR 0016, ADR 0043). Other capabilities use {@link Prefectures}, {@link AgentScopes},
 * {@link PrefectureTenants} and {@link CaseScopes}.
 */
@ApplicationModule(
    displayName = "Préfectures",
    allowedDependencies = {"engine", "shared"})
package fr.anef.renewal.prefecture;

import org.springframework.modulith.ApplicationModule;
