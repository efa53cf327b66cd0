/**
 * Applicant accounts as in the seed (sections 1–7): creation checked against the register of
 * titles, e-mail confirmation by a single-use link, password rules, password reset, e-mail change
 * confirmed by a link to the new address. The account is a Camunda user in group {@code applicants}
 * whose id is the N° étranger; its password is stored only as the engine stores it (salted hash).
 * The engine is set by a plugin: a user may only read their own user, and logins follow a lock that
 * grows and is mailed to the holder ({@link fr.anef.renewal.account.LoginLockPolicy}).
 */
@ApplicationModule(
    displayName = "Comptes",
    allowedDependencies = {"mail", "register", "shared"})
package fr.anef.renewal.account;

import org.springframework.modulith.ApplicationModule;
