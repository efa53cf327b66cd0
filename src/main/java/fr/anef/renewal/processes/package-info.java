/**
 * The contracts of the three processes (one class each: key, element ids, messages, variables),
 * shared by the code of every module and by the models' tests; {@code ProcessContractsTests} checks
 * each against its BPMN file. Depends on nothing.
 */
@ApplicationModule(
    displayName = "Contrats des processus",
    allowedDependencies = {})
package fr.anef.renewal.processes;

import org.springframework.modulith.ApplicationModule;
