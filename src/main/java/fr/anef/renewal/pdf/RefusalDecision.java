package fr.anef.renewal.pdf;

import java.time.LocalDate;

/**
 * What the préfet's « DÉCISION DE REFUS DE TITRE DE SÉJOUR » prints. The document never states the
 * applicant's health: only {@code reason}, written by the agent, gives the grounds.
 *
 * @param decisionDate the day of the decision, printed as « DATE D’ÉMISSION »
 * @param prefectureName the issuing préfecture as printed under the ministry block, e.g. «
 *     Préfecture du Nord »; null or blank prints none
 * @param opinionDate the day of the OFII collège de médecins' opinion, or null when the medical
 *     certificate never reached the OFII (the decision then says so instead)
 * @param reason the grounds (« Considérant ce qui suit : »), required; blank lines separate
 *     paragraphs, a line break starts a new line, a line starting with « - » is a list item
 */
public record RefusalDecision(
    ApplicantIdentity applicant,
    String requestNumber,
    LocalDate depositDate,
    LocalDate decisionDate,
    String prefectureName,
    LocalDate opinionDate,
    String reason) {}
