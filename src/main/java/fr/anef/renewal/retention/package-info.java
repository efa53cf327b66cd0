/**
 * Retention of personal data (ADR 0020): a nightly job, one node at a time, deletes what the
 * application keeps past its period — cases 5 years after their end, OFII's medical files 5 years
 * after their closing, drafts one year after their last activity, sent e-mails after 30 days,
 * account links some days after their expiry — in bounded batches, children before parents. The
 * engine's own history goes by its time to live.
 */
@ApplicationModule(
    displayName = "Conservation des données",
    allowedDependencies = {"shared"})
package fr.anef.renewal.retention;

import org.springframework.modulith.ApplicationModule;
