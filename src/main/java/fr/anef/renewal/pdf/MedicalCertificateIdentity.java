package fr.anef.renewal.pdf;

import java.time.LocalDate;

/**
 * What the administration prefills in the « 1er bloc » of the blank medical certificate: the
 * applicant's « état civil » and address, with sex (« M », « F »), date of entry into France,
 * phone, e-mail and legal guardian (for a minor). Any value but {@code applicant} may be null and
 * is then printed empty.
 */
public record MedicalCertificateIdentity(
    ApplicantIdentity applicant,
    String sex,
    LocalDate entryDate,
    String phone,
    String email,
    String legalGuardian) {}
