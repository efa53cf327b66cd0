package fr.anef.renewal.filing;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.CaseScopes;
import fr.anef.renewal.processes.RenewalProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The models name the role group {@value CaseScopes#ROLE} as the candidates of the agents' tasks;
 * each such task goes to the scope group of its case's préfecture instead ({@code prefecture-59}),
 * so that no other préfecture's agent is ever a candidate nor gets the engine's grant on it (ADR
 * 0016). Done when the engine parses a definition of the renewal, every version and every
 * deployment alike (those Modeler deploys, those of earlier versions still running): the literal
 * candidate {@value CaseScopes#ROLE} is replaced by an expression that reads the case's préfecture.
 * A case without a préfecture makes the task's creation fail (an incident), never a national task.
 */
@Configuration(proxyBeanMethods = false)
class PrefectureCandidates {

  @Bean
  static ProcessEnginePlugin prefectureCandidatesPlugin(ObjectProvider<Cases> cases) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
          listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new ParseListener(cases));
        configuration.setCustomPostBPMNParseListeners(listeners);
      }
    };
  }

  static final class ParseListener extends AbstractBpmnParseListener {

    private final ObjectProvider<Cases> cases;

    ParseListener(ObjectProvider<Cases> cases) {
      this.cases = cases;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
          || !RenewalProcess.KEY.equals(definition.getKey())
          || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      TaskDefinition task = behavior.getTaskDefinition();
      boolean offeredToRole =
          task.getCandidateGroupIdExpressions()
              .removeIf(
                  e -> e.isLiteralText() && CaseScopes.ROLE.equals(e.getExpressionText().strip()));
      if (offeredToRole) {
        task.addCandidateGroupIdExpression(new CasePrefectureGroup(cases));
      }
    }
  }

  /** Resolves to the scope group of the case's préfecture, {@code prefecture-59}. */
  record CasePrefectureGroup(ObjectProvider<Cases> cases) implements Expression {

    @Override
    public Object getValue(VariableScope variableScope) {
      String processInstanceId = ((DelegateExecution) variableScope).getProcessInstanceId();
      String department = cases.getObject().caseOf(processInstanceId).getDepartment();
      if (department == null) {
        throw new IllegalStateException(
            "La demande de l'instance " + processInstanceId + " n'a pas de préfecture.");
      }
      return AgentScopes.groupOf(department);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getExpressionText() {
      return CaseScopes.ROLE;
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}
