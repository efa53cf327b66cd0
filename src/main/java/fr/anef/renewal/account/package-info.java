/**
 * Applicant accounts as in the seed (sections 1–7): creation checked against the register of titles,
 * e-mail confirmation by a single-use link, password rules, password reset. The account is a Camunda user
 * in group {@code applicants} whose id is the N° étranger; its password is stored only as the engine
 * stores it (salted hash).
 */
package fr.anef.renewal.account;
