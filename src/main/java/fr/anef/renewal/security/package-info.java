/**
 * Who may do what: HTTP Basic on {@code /engine-rest}, the application's pages authenticated by the
 * Camunda webapp session (one login for Tasklist and « Mon espace ») or HTTP Basic, the groups,
 * authorizations and Tasklist filters every installation needs, and the demo users of the embedded
 * default.
 */
@ApplicationModule(
    displayName = "Sécurité",
    allowedDependencies = {"prefecture", "processes", "register", "shared"})
package fr.anef.renewal.security;

import org.springframework.modulith.ApplicationModule;
