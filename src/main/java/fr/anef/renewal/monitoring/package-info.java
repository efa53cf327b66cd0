/**
 * What the operators watch (README « Plusieurs nœuds »): the Prometheus gauges of the engine's jobs
 * and incidents, the cases per status, the tasks waiting per queue and the deadlines due in the
 * coming days, read from the shared database, so every node reports the same figures. Liveness and
 * readiness are Spring Boot's and Camunda's health indicators (application.yaml « management »).
 */
@ApplicationModule(
    displayName = "Supervision",
    allowedDependencies = {"cases", "prefecture", "processes", "shared"})
package fr.anef.renewal.monitoring;

import org.springframework.modulith.ApplicationModule;
