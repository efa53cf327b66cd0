/**
 * Instruction by the préfecture, from « Examiner les pièces justificatives » to the decision: document
 * reviews (agents' private notes in {@code agent_note}, never kept as a process variable nor in the engine's
 * history: ADR 0036), complement requests and the applicant's
 * replies (deadline started by the opening of the notification), the medical phase's outcome as the
 * préfecture may know it (the opinion's answers only), prolongation attestations, implicit rejection, and
 * the decision with its PDFs. Delegates and listeners are one-line adapters over the services here.
 */
package fr.anef.renewal.instruction;
