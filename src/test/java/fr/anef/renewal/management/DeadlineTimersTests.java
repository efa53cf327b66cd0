package fr.anef.renewal.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadlineTimersTests {

  @Test
  @DisplayName(
      "Chaque échéance que lit le tableau de bord est une minuterie du modèle de la demande")
  void everyDeadlineIsATimerOfTheModel() {
    BpmnModelInstance model =
        Bpmn.readModelFromFile(new File("bpmn/residence-permit-renewal.bpmn"));
    assertThat(ManagementFigures.DEADLINE_TIMERS).isNotEmpty();
    ManagementFigures.DEADLINE_TIMERS
        .keySet()
        .forEach(
            id -> {
              Event timer = model.getModelElementById(id);
              assertThat(timer).as(id).isNotNull();
              assertThat(timer.getChildElementsByType(TimerEventDefinition.class))
                  .as(id)
                  .hasSize(1);
            });
  }
}
