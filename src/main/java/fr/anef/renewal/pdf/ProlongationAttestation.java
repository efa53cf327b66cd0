package fr.anef.renewal.pdf;

import java.time.LocalDate;

/**
 * What the « ATTESTATION DE PROLONGATION D’INSTRUCTION D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE
 * SÉJOUR » prints: the applicant may stay in France from {@code validFrom} to {@code validUntil}
 * while the request filed on {@code depositDate} is still being examined.
 */
public record ProlongationAttestation(
    ApplicantIdentity applicant,
    String requestNumber,
    LocalDate depositDate,
    LocalDate validFrom,
    LocalDate validUntil) {}
