/**
 * Register of persons and residence titles: the identity, address and current titre of each holder
 * of a « N° étranger ». Filing reads it to prefill step 1 and to decide which documents are
 * required; account creation ({@code fr.anef.renewal.account}, « Créer un compte ») checks the
 * titre typed against it; the counter route identifies the person by it.
 */
@ApplicationModule(
    displayName = "Registre national",
    allowedDependencies = {})
package fr.anef.renewal.register;

import org.springframework.modulith.ApplicationModule;
