package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.shared.ActorGroups;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent who instructs a case: the one who recorded its first review. The case's later agent
 * tasks — the next review rounds, « Certificat médical non reçu : décider de la suite », « Décider
 * de la demande » — are created assigned to them, so that they open ready to work (no « Réclamer
 * »), while they stay in the group's filter « Demandes à examiner » for the others (who may take
 * one over from Tasklist). A first review is the group's; an agent who is no longer in {@code
 * prefecture-agents} or in the case's préfecture (it moved, ADR 0016), or no longer exists, gets
 * nothing: the task is the group's again.
 */
@Service
public class CaseAgent {

  private final Cases cases;
  private final DocumentReviewRepository reviews;
  private final ProcessEngineConfigurationImpl engine;

  CaseAgent(Cases cases, DocumentReviewRepository reviews, ProcessEngineConfiguration engine) {
    this.cases = cases;
    this.reviews = reviews;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** The case's instructing agent, when they are still an agent of the préfecture. */
  @Transactional(readOnly = true)
  public Optional<String> of(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    return reviews
        .findFirstByCaseIdOrderByIdAsc(renewal.getId())
        .map(first -> first.reviewedBy)
        .filter(agent -> isAgentOf(agent, renewal.getDepartment()));
  }

  /** Assigns a task being created to the case's instructing agent, if any. */
  public void assign(DelegateTask task) {
    of(task.getProcessInstanceId()).ifPresent(task::setAssignee);
  }

  /**
   * Read inside the engine without the current user's authorizations: the task is created in
   * whoever's transaction moved the case (an applicant answering a complement request reads no
   * user).
   */
  private boolean isAgentOf(String userId, String department) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () ->
                        isMember(userId, ActorGroups.PREFECTURE_AGENTS)
                            && isMember(userId, AgentScopes.groupOf(department))));
  }

  private boolean isMember(String userId, String group) {
    return engine.getIdentityService().createUserQuery().userId(userId).memberOfGroup(group).count()
        > 0;
  }
}
