package fr.anef.renewal.pdf;

import java.time.LocalDate;

/**
 * What the « ATTESTATION DE DÉCISION FAVORABLE SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR
 * » prints.
 *
 * @param decisionDate the day the favourable decision was taken, also printed as « DATE D’ÉMISSION
 *     »
 * @param cardValidFrom first day of the carte de séjour temporaire being made
 * @param cardValidUntil last day of that card
 */
public record FavourableDecision(
    ApplicantIdentity applicant,
    String requestNumber,
    LocalDate decisionDate,
    LocalDate cardValidFrom,
    LocalDate cardValidUntil) {}
