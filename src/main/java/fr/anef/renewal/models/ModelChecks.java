package fr.anef.renewal.models;

import fr.anef.renewal.shared.ModelDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
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
 * The checks every BPMN passes when it is deployed — by the application at start-up and by an analyst from
 * Modeler alike (a BPMN parse listener): a timer's duration is an ISO-8601 duration written in the model, the one
 * the engine and the code read, and the timer's name says it. A model that fails is not deployed: the start-up
 * stops, Modeler shows the French message (HTTP 400).
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
      Element duration = definition.element("timeDuration");
      if (duration == null) {
        return; // a date (timeDate), computed by the service that owns it
      }
      String id = event.attribute("id");
      String name = event.attribute("name") == null ? id : event.attribute("name");
      String text = duration.getText() == null ? "" : duration.getText().trim();
      if (text.contains("${") || text.contains("#{")) {
        throw new BadUserRequestException("Le minuteur « " + name + " » (" + id + ") calcule sa durée (« "
            + text + " ») : écrivez-la dans le modèle, en durée ISO 8601 (exemple : P30D pour 30 jours).");
      }
      ModelDuration parsed;
      try {
        parsed = ModelDuration.parse(text, "« " + name + " » (" + id + ")");
      } catch (IllegalArgumentException e) {
        throw new BadUserRequestException(e.getMessage());
      }
      if (!name.toLowerCase(Locale.FRENCH).contains(parsed.inFrench().toLowerCase(Locale.FRENCH))) {
        throw new BadUserRequestException("Le nom du minuteur « " + name + " » (" + id + ") ne dit pas sa "
            + "durée, " + text + " (« " + parsed.inFrench() + " ») : renommez-le (exemple : « " + parsed.inFrench()
            + " sans réponse »).");
      }
    }
  }
}
