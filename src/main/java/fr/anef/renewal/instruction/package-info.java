/**
 * Instruction by the préfecture, from « Examiner les pièces justificatives » to the decision: document
 * reviews (agents' private notes kept out of the process), complement requests and the applicant's
 * replies (deadline started by the opening of the notification), the medical phase's outcome as the
 * préfecture may know it (the opinion's answers only), prolongation attestations, implicit rejection, and
 * the decision with its PDFs. Delegates and listeners are one-line adapters over the services here.
 */
package fr.anef.renewal.instruction;
