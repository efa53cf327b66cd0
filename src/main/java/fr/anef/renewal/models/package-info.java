/**
 * The models an analyst edits in Camunda Modeler (bpmn/, dmn/, forms/): what the code reads of them
 * (the durations of the procedure's timers, ADR 0011) and the checks a model must pass to be
 * deployed, at start-up and from Modeler alike.
 */
@ApplicationModule(
    displayName = "Modèles BPMN",
    allowedDependencies = {"processes", "shared"})
package fr.anef.renewal.models;

import org.springframework.modulith.ApplicationModule;
