package fr.anef.renewal.models;

import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ModelDuration;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * The durations of the procedure, read from the timers of the model a case runs on: the model is
 * their one place (Modeler shows them, an analyst changes them there), the code computes and words
 * its dates from the same value, with the engine's parser ({@link ModelDuration}). A case keeps the
 * durations of its own version.
 */
@Component
public class ProcedureTimers {

  /**
   * « 30 jours sans réponse »: the applicant's time to answer a complement request, from its
   * opening.
   */
  public static final String COMPLEMENT_REPLY = RenewalProcess.TIMER_COMPLEMENT_DEADLINE;

  /** « 15 jours sans lecture »: an unread complement request is reminded. */
  public static final String COMPLEMENT_UNREAD = RenewalProcess.TIMER_COMPLEMENT_UNREAD;

  /** « Un mois sans certificat »: the certificate's time to reach OFII, from the form's opening. */
  public static final String CERTIFICATE_DELIVERY = RenewalProcess.TIMER_CERTIFICATE_DEADLINE;

  /** « 3 mois plus tard »: the validity of a prolongation attestation. */
  public static final String PROLONGATION_VALIDITY = RenewalProcess.TIMER_NEXT_PROLONGATION;

  /** « 15 jours sans réponse » (OFII): the treating doctor's time to answer. */
  public static final String TREATING_DOCTOR_ANSWER =
      OfiiMedicalOpinionProcess.TIMER_TREATING_DOCTOR_SILENCE;

  /**
   * « 4 mois sans décision »: silence after the dépôt is an implicit rejection (a date timer, its
   * duration a property).
   */
  public static final String IMPLICIT_REJECTION = RenewalProcess.TIMER_IMPLICIT_REJECTION;

  /**
   * « 3 mois sans avis » (OFII): the college's opinion is due after the certificate (a date timer,
   * its duration a property).
   */
  public static final String OPINION_DUE = OfiiMedicalOpinionProcess.TIMER_OPINION_OVERDUE;

  /**
   * The extension property (Modeler: « Extension properties ») that holds the duration of a timer
   * whose date a service computes: the timer reads the date from a variable, the service adds this
   * duration to its fact.
   */
  public static final String DURATION_PROPERTY = "duration";

  private final ProcessEngineConfigurationImpl engine;

  ProcedureTimers(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /**
   * The duration of the timer {@code timerId} in the model the instance runs on. Read inside the
   * engine without the caller's authorizations (an applicant reads no process definition): the
   * value is no one's data.
   */
  public ModelDuration of(String processInstanceId, String timerId) {
    return find(processInstanceId, timerId)
        .orElseThrow(
            () -> new IllegalStateException(timerId + " has no duration in the case's model"));
  }

  /**
   * The duration of the timer {@code timerId} in the case's model; empty when that version of the
   * model has none (a version older than the timer's {@value #DURATION_PROPERTY} property: its
   * timer still computes its date).
   */
  public Optional<ModelDuration> find(String processInstanceId, String timerId) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              ExecutionEntity instance =
                  context.getExecutionManager().findExecutionById(processInstanceId);
              String definitionId;
              if (instance != null) {
                definitionId = instance.getProcessDefinitionId();
              } else { // an ended case: its notices are still shown
                var ended =
                    context
                        .getHistoricProcessInstanceManager()
                        .findHistoricProcessInstance(processInstanceId);
                if (ended == null) {
                  throw new IllegalStateException("no instance " + processInstanceId);
                }
                definitionId = ended.getProcessDefinitionId();
              }
              BpmnModelInstance model =
                  context
                      .getProcessEngineConfiguration()
                      .getDeploymentCache()
                      .findBpmnModelInstanceForProcessDefinition(definitionId);
              return durationOf(model, timerId);
            });
  }

  /**
   * The timer's ISO duration, or for a date timer the {@value #DURATION_PROPERTY} property beside
   * it.
   */
  static Optional<ModelDuration> durationOf(BpmnModelInstance model, String timerId) {
    Event timer = model.getModelElementById(timerId);
    if (timer == null) {
      throw new IllegalStateException("no timer " + timerId + " in the model");
    }
    TimerEventDefinition definition =
        timer.getChildElementsByType(TimerEventDefinition.class).iterator().next();
    String where = "« " + timer.getName() + " »";
    if (definition.getTimeDuration() != null) {
      return Optional.of(ModelDuration.parse(definition.getTimeDuration().getTextContent(), where));
    }
    if (timer.getExtensionElements() == null) {
      return Optional.empty();
    }
    return timer
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> DURATION_PROPERTY.equals(property.getCamundaName()))
        .findFirst()
        .map(property -> ModelDuration.parse(property.getCamundaValue(), where));
  }
}
