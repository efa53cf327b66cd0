/**
 * Instruction by the préfecture, from « Examiner les pièces justificatives » to the decision:
 * document reviews (agents' private notes in {@code agent_note}, never kept as a process variable
 * nor in the engine's history: ADR 0036), complement requests and the applicant's replies (deadline
 * started by the opening of the notification), the medical phase's outcome as the préfecture may
 * know it (the opinion's answers only), prolongation attestations, implicit rejection, and the
 * decision with its PDFs. Delegates and listeners are one-line adapters over the services here.
 *
 * <p>Never uses {@code medical} (medical secrecy): it reaches OFII's process through the engine
 * only, by the messages of {@link fr.anef.renewal.processes.OfiiMedicalOpinionProcess}, and reads
 * back the opinion's answers alone.
 */
@ApplicationModule(
    displayName = "Instruction par la préfecture",
    allowedDependencies = {
      "cases",
      "documents",
      "filing",
      "models",
      "notification",
      "pdf",
      "prefecture",
      "processes",
      "register",
      "shared"
    })
package fr.anef.renewal.instruction;

import org.springframework.modulith.ApplicationModule;
