package fr.anef.renewal.pdf;

import java.time.LocalDate;

/**
 * What the « CONFIRMATION DU DÉPÔT » prints.
 *
 * @param counterAgentName the agent who filed the request at a counter on the applicant's behalf,
 *     or null when the applicant filed online
 */
public record DepositReceipt(
    ApplicantIdentity applicant,
    String requestNumber,
    LocalDate issueDate,
    LocalDate depositDate,
    String counterAgentName) {}
