package fr.anef.renewal.cases;

/**
 * A status change that the table of {@link CaseStatus} does not allow: a bug in the code or a model
 * that took a path the procedure does not have. The engine's transaction rolls back and the job
 * shows an incident in Cockpit.
 */
public class CaseTransitionRefused extends IllegalStateException {

  private final CaseStatus from;
  private final CaseStatus to;

  CaseTransitionRefused(RenewalCase renewalCase, CaseStatus to) {
    super(
        "Changement de statut refusé pour la demande "
            + (renewalCase.getRequestNumber() != null
                ? "n° " + renewalCase.getRequestNumber()
                : renewalCase.getId())
            + " : « "
            + renewalCase.getStatus().label()
            + " » ne peut pas devenir « "
            + to.label()
            + " » (statuts suivants permis : "
            + renewalCase.getStatus().describeNext()
            + ").");
    this.from = renewalCase.getStatus();
    this.to = to;
  }

  public CaseStatus from() {
    return from;
  }

  public CaseStatus to() {
    return to;
  }
}
