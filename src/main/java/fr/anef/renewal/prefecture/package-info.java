/**
 * The préfectures: which one is competent for an address (postal code → département → préfecture,
 * CESEDA R. 431-20), the scope group {@code prefecture-<dept>} an agent belongs to, and the
 * per-case grants that let only that préfecture's agents see and act on a case (ADR 0016). Other
 * capabilities use {@link Prefectures}, {@link AgentScopes} and {@link CaseScopes}.
 */
@ApplicationModule(
    displayName = "Préfectures",
    allowedDependencies = {"shared"})
package fr.anef.renewal.prefecture;

import org.springframework.modulith.ApplicationModule;
