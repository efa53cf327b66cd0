package fr.anef.renewal.engine;

import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Form fields that are not process data: what a person types in a task form, that the application
 * keeps in its own table and that must not stay in the engine. A Camunda Form cannot mark a field
 * transient, so the completion writes it as a process variable like any other field; the task's end
 * listener moves it to the application's table and removes the variable in the same transaction
 * (nothing in {@code ACT_RU_VARIABLE} after the commit), and this plugin drops every history event
 * of these names before the engine's history handler writes it: no {@code ACT_HI_VARINST} row, no
 * {@code ACT_HI_DETAIL} row (variable update or form property). ADR 0036.
 *
 * <p>The engine's extension point for this is its history event handler (a {@code
 * ProcessEnginePlugin} setting it before {@code init}), an {@code impl} API as every engine plugin
 * is; a custom history level would do the same but changes the level the engine stores in its
 * database, which an existing database refuses at start-up.
 */
@Component
public final class PrivateVariables extends AbstractProcessEnginePlugin {

  /**
   * The agent's « Note interne » of « Examiner les pièces justificatives » (kept in {@code
   * agent_note}).
   */
  public static final String AGENT_PRIVATE_NOTE = "privateNote";

  /** Every name this plugin keeps out of the engine's history. */
  public static final Set<String> NAMES = Set.of(AGENT_PRIVATE_NOTE);

  /**
   * Display-only variables, per process: what the server computes from the application's tables
   * when a task is created, for its form to show (the register's identity on step 1, the recaps,
   * the review's document blocks, the OFII file's summaries). Nothing reads them back from the
   * engine, each is computed again at the next task, and their source stays in the application's
   * tables: their history would only repeat those tables (3 to 5 statements and rows per variable
   * and case). They keep their runtime variable (Tasklist's form reads it); only their history is
   * dropped. The names are each process's contract's ({@code DISPLAY_ONLY_VARIABLES}, and the
   * renewal's {@code DISPLAY_ONLY_PREFIXES}). ADR 0040.
   */
  public static final Map<String, Set<String>> DISPLAY_ONLY =
      Map.of(
          RenewalProcess.KEY, RenewalProcess.DISPLAY_ONLY_VARIABLES,
          OfiiMedicalOpinionProcess.KEY, OfiiMedicalOpinionProcess.DISPLAY_ONLY_VARIABLES);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventHandler handler = configuration.getHistoryEventHandler();
    if (handler == null) {
      // what the engine would build itself (ProcessEngineConfigurationImpl.initHistoryEventHandler)
      handler =
          configuration.isEnableDefaultDbHistoryEventHandler()
              ? new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())
              : new CompositeHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setHistoryEventHandler(new Filter(handler));
  }

  /**
   * Whether the engine may keep this history event: not when it carries the value of a private
   * field.
   */
  static boolean kept(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return !NAMES.contains(variable.getVariableName())
          && !displayOnly(variable.getProcessDefinitionKey(), variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return !NAMES.contains(property.getPropertyId());
    }
    return true;
  }

  /** Whether a variable of this process is only shown by a form (its history is not kept). */
  static boolean displayOnly(String processDefinitionKey, String name) {
    return processDefinitionKey != null
        && (DISPLAY_ONLY.getOrDefault(processDefinitionKey, Set.of()).contains(name)
            || (RenewalProcess.KEY.equals(processDefinitionKey)
                && RenewalProcess.DISPLAY_ONLY_PREFIXES.stream().anyMatch(name::startsWith)));
  }

  private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (kept(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delegate.handleEvents(events.stream().filter(PrivateVariables::kept).toList());
    }
  }
}
