package fr.anef.renewal.filing;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The counter route (« solution de substitution », Conseil d'État, 3 juin 2022): a préfecture agent
 * opens the renewal of a person who came to the counter. The process starts under the agent's
 * identity, so the engine checks the agent's grants and {@link FilingService#openDraft} sees an
 * agent: the draft is the person's, its four steps are assigned to the agent, and every act is
 * logged as the agent's for the person.
 */
@Service
public class CounterFiling {

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Cases cases;

  CounterFiling(RuntimeService runtime, IdentityService identity, Cases cases) {
    this.runtime = runtime;
    this.identity = identity;
    this.cases = cases;
  }

  /**
   * Opens the renewal of {@code foreignerNumber} at the counter; refuses in French what cannot be
   * opened (a renewal of the person's not finished yet among them: checked here first, then again
   * under the person's lock when the draft opens).
   */
  public void open(String agentId, List<String> agentGroups, String foreignerNumber) {
    cases
        .openCase(foreignerNumber)
        .ifPresent(
            open -> {
              throw new Refusal(FilingService.alreadyOpen(open, true));
            });
    identity.setAuthentication(
        agentId, agentGroups, PrefectureTenants.ofGroups(identity, agentGroups));
    try {
      runtime.startProcessInstanceByKey(
          RenewalProcess.KEY,
          Map.of(
              "renewalRequested", true, RenewalProcess.VAR_COUNTER_APPLICANT_ID, foreignerNumber));
    } finally {
      identity.clearAuthentication();
    }
  }
}
