package fr.anef.renewal.filing;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The counter route (« solution de substitution », Conseil d'État, 3 juin 2022): a préfecture agent opens
 * the renewal of a person who came to the counter. The process starts under the agent's identity, so the
 * engine checks the agent's grants and {@link FilingService#openDraft} sees an agent: the draft is the
 * person's, its four steps are assigned to the agent, and every act is logged as the agent's for the person.
 */
@Service
public class CounterFiling {

  private final RuntimeService runtime;
  private final IdentityService identity;

  CounterFiling(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Opens the renewal of {@code foreignerNumber} at the counter; refuses in French what cannot be opened. */
  public void open(String agentId, List<String> agentGroups, String foreignerNumber) {
    identity.setAuthentication(agentId, agentGroups);
    try {
      runtime.startProcessInstanceByKey(RenewalProcess.KEY, Map.of("renewalRequested", true,
          RenewalProcess.VAR_COUNTER_APPLICANT_ID, foreignerNumber));
    } finally {
      identity.clearAuthentication();
    }
  }
}
