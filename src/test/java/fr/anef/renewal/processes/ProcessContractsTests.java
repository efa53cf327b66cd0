package fr.anef.renewal.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each process contract against its BPMN file: the key is the process's id, every element id it
 * names is an element of the model (timers are timers), every message it names is a message of the
 * model. An analyst's rename in Modeler fails here, not in a case.
 */
class ProcessContractsTests {

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(RenewalProcess.class, "bpmn/residence-permit-renewal.bpmn"),
        Arguments.of(OfiiMedicalOpinionProcess.class, "bpmn/ofii-medical-opinion.bpmn"),
        Arguments.of(MailDispatchProcess.class, "bpmn/mail-dispatch.bpmn"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("contracts")
  @DisplayName("Chaque identifiant et chaque message du contrat existent dans le modèle")
  void contractMatchesItsModel(Class<?> contract, String file) throws IllegalAccessException {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
    Map<String, String> constants = constants(contract);

    List<String> processIds =
        model.getModelElementsByType(Process.class).stream().map(Process::getId).toList();
    assertThat(processIds).as("clé du processus").containsExactly(constants.get("KEY"));

    List<String> messageNames =
        model.getModelElementsByType(Message.class).stream().map(Message::getName).toList();
    List<String> missing = new ArrayList<>();
    constants.forEach(
        (name, value) -> {
          if (name.startsWith("MESSAGE_")) {
            if (!messageNames.contains(value)) {
              missing.add(name + " = " + value + " (message)");
            }
          } else if (!name.equals("KEY") && !name.startsWith("VAR_")) {
            ModelElementInstance element = model.getModelElementById(value);
            if (!(element instanceof FlowElement)) {
              missing.add(name + " = " + value);
            } else if (name.startsWith("TIMER_")
                && element.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
              missing.add(name + " = " + value + " (pas une minuterie)");
            }
          }
        });
    assertThat(missing).as("éléments du contrat absents de " + file).isEmpty();
    assertThat(
            constants.keySet().stream()
                .filter(n -> !n.equals("KEY") && !n.startsWith("VAR_"))
                .count())
        .as("le contrat nomme des éléments")
        .isPositive();
  }

  @Test
  @DisplayName(
      "Le collège de l'OFII compte autant de médecins que le modèle crée de tâches « Avis du collège »")
  void collegeSizeIsTheModels() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/ofii-medical-opinion.bpmn"));
    UserTask college = model.getModelElementById(OfiiMedicalOpinionProcess.COLLEGE_OPINION);
    MultiInstanceLoopCharacteristics loop =
        (MultiInstanceLoopCharacteristics) college.getLoopCharacteristics();
    assertThat(loop.getLoopCardinality().getTextContent().strip())
        .isEqualTo(String.valueOf(OfiiMedicalOpinionProcess.COLLEGE_SIZE));
  }

  /** The contract's public String constants, by name. */
  static Map<String, String> constants(Class<?> contract) throws IllegalAccessException {
    Map<String, String> constants = new LinkedHashMap<>();
    for (Field field : contract.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constants.put(field.getName(), (String) field.get(null));
      }
    }
    return constants;
  }
}
