/**
 * OFII's medical instruction, under medical secrecy (« Aucune information médicale et aucun
 * certificat médical ne doivent être donnés à la préfecture »): the process {@code
 * ofii-medical-opinion}, the medical file (certificate, attachments, treating doctor's answers,
 * convocations, report, college votes) in the application's own tables, read only by the OFII
 * groups. The préfecture receives two messages and nothing else: {@code MedicalCertificateReceived}
 * (a date) and {@code OfiiOpinion} (the opinion's answers and date); the convocation is OFII's
 * message to the applicant and never reaches the préfecture's side (ADR 0035). The préfecture's
 * decision closes the file ({@code OfiiCaseClosed} → « Clore le dossier médical »): dated (the 5
 * years of retention start), read-only for OFII's doctors.
 *
 * <p>Never uses {@code instruction} nor {@code filing}: the préfecture's side is reached through
 * the engine's messages ({@link fr.anef.renewal.processes.RenewalProcess}) and the case kernel
 * ({@code cases}) only.
 */
@ApplicationModule(
    displayName = "Instruction médicale (OFII)",
    allowedDependencies = {
      "cases",
      "documents",
      "models",
      "notification",
      "processes",
      "register",
      "shared"
    })
package fr.anef.renewal.medical;

import org.springframework.modulith.ApplicationModule;
