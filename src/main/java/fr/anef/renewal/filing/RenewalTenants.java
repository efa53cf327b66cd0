package fr.anef.renewal.filing;

import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The tenant a renewal instance starts in (ADR 0043), given by the engine's tenant id provider: a
 * draft opened online starts in the drafts' tenant, which no préfecture reads; a draft opened at
 * the counter in the counter agent's préfecture's (the draft's opening then checks that the person
 * lives there). The dépôt moves the case to the préfecture of the applicant's address ({@code
 * CaseScopes.assign}). The OFII's file of a case takes the case's tenant; the mails' instances stay
 * national (no tenant). The renewal's DMN decisions, evaluated by its instances, are shared (no
 * tenant) and found as such.
 */
@Component
class RenewalTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    String key = context.getProcessDefinition().getKey();
    if (OfiiMedicalOpinionProcess.KEY.equals(key)) {
      return caseTenant();
    }
    if (!RenewalProcess.KEY.equals(key)) {
      return null;
    }
    // Decided as the draft's opening decides who files (FilingService.openDraft): by the starter's
    // groups, never by a start variable, which the starter writes. An agent opens at the counter,
    // in their préfecture (the opening then refuses a person living elsewhere, and an agent
    // without a préfecture); anyone else files online, in the drafts' tenant.
    Authentication starter =
        Context.getCommandContext() == null
            ? null
            : Context.getCommandContext().getAuthentication();
    List<String> groups =
        starter == null || starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
    if (!groups.contains(ActorGroups.PREFECTURE_AGENTS)) {
      return PrefectureTenants.DRAFTS;
    }
    return AgentScopes.departmentOf(groups)
        .map(PrefectureTenants::of)
        .orElse(PrefectureTenants.DRAFTS);
  }

  /**
   * The OFII's file of a case is opened by the case's medical phase (a delegate of the renewal): it
   * takes the case's tenant, and moves with it. The OFII's groups are members of every tenant; the
   * préfecture's agents have no grant on the OFII's process, so sharing the tenant shows them
   * nothing of it — it only keeps the OFII's instances out of the other préfectures' queries.
   * Opened otherwise, national (no tenant).
   */
  private static String caseTenant() {
    BpmnExecutionContext current = Context.getBpmnExecutionContext();
    ExecutionEntity execution = current == null ? null : current.getExecution();
    return execution != null
            && execution.getProcessDefinition() != null
            && RenewalProcess.KEY.equals(execution.getProcessDefinition().getKey())
        ? execution.getTenantId()
        : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }
}
