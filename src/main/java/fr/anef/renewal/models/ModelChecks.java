package fr.anef.renewal.models;

import fr.anef.renewal.shared.ModelDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checks every BPMN passes when it is deployed — by the application at start-up and by an
 * analyst from Modeler alike (a BPMN parse listener): a timer's duration is an ISO-8601 duration
 * written in the model, the one the engine and the code read, and the timer's name says it. A
 * refusal is a {@link BpmnParseException} on the timer's element: the engine collects it as a parse
 * error of the resource and refuses the deployment with its {@code ParseException}, which the REST
 * API answers 400 with the French message, the resource and the element (what Modeler shows); the
 * start-up stops on it.
 */
@Configuration(proxyBeanMethods = false)
class ModelChecks {

  @Bean
  static ProcessEnginePlugin modelChecksPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
          listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new TimerDurationCheck());
        configuration.setCustomPreBPMNParseListeners(listeners);
      }
    };
  }

  /** Refuses a timer whose duration is computed, unreadable, or not the one its name says. */
  static final class TimerDurationCheck extends AbstractBpmnParseListener {

    @Override
    public void parseIntermediateCatchEvent(Element event, ScopeImpl scope, ActivityImpl activity) {
      check(event);
    }

    @Override
    public void parseBoundaryEvent(Element event, ScopeImpl scope, ActivityImpl activity) {
      check(event);
    }

    static void check(Element event) {
      Element definition = event.element("timerEventDefinition");
      if (definition == null) {
        return;
      }
      String id = event.attribute("id");
      String name = event.attribute("name") == null ? id : event.attribute("name");
      Element duration = definition.element("timeDuration");
      if (duration == null) {
        // a date (timeDate) a service computed and stored; the duration it added, if any, is the
        // property beside it
        durationProperty(event)
            .ifPresent(
                value ->
                    checkSaid(
                        event,
                        id,
                        name,
                        value,
                        "sa propriété « " + ProcedureTimers.DURATION_PROPERTY + " »"));
        return;
      }
      String text = duration.getText() == null ? "" : duration.getText().trim();
      checkSaid(event, id, name, text, "sa durée");
    }

    /** The value of the timer's extension property {@code duration}, if it has one. */
    static java.util.Optional<String> durationProperty(Element event) {
      Element extensions = event.element("extensionElements");
      Element properties = extensions == null ? null : extensions.element("properties");
      if (properties == null) {
        return java.util.Optional.empty();
      }
      return properties.elements("property").stream()
          .filter(property -> ProcedureTimers.DURATION_PROPERTY.equals(property.attribute("name")))
          .map(
              property ->
                  property.attribute("value") == null ? "" : property.attribute("value").trim())
          .findFirst();
    }

    /**
     * The duration is a literal ISO-8601 duration the engine reads, and the timer's name says it.
     */
    static void checkSaid(Element event, String id, String name, String text, String what) {
      if (text.contains("${") || text.contains("#{")) {
        throw new BpmnParseException(
            "Le minuteur « "
                + name
                + " » ("
                + id
                + ") calcule sa durée (« "
                + text
                + " ») : écrivez-la dans le modèle, en durée ISO 8601 (exemple : P30D pour 30 jours).",
            event);
      }
      ModelDuration parsed;
      try {
        parsed = ModelDuration.parse(text, "« " + name + " » (" + id + ")");
      } catch (IllegalArgumentException e) {
        throw new BpmnParseException(e.getMessage(), event);
      }
      if (!name.toLowerCase(Locale.FRENCH).contains(parsed.inFrench().toLowerCase(Locale.FRENCH))) {
        throw new BpmnParseException(
            "Le nom du minuteur « "
                + name
                + " » ("
                + id
                + ") ne dit pas "
                + what
                + ", "
                + text
                + " (« "
                + parsed.inFrench()
                + " ») : renommez-le (exemple : « "
                + parsed.inFrench()
                + " sans réponse »).",
            event);
      }
    }
  }
}
