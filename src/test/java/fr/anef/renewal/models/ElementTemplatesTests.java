package fr.anef.renewal.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The element templates Modeler offers (.camunda/element-templates, beside bpmn/): every service
 * step of the models is made from one (the same check as bpmnlint's rule anef/service-task-template
 * in CI) and every template names a delegate the application has.
 */
class ElementTemplatesTests {

  static final Path TEMPLATES = Path.of(".camunda/element-templates");

  static Map<String, JsonNode> templates() throws IOException {
    Map<String, JsonNode> byId = new HashMap<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        new ObjectMapper().readTree(file.toFile()).forEach(t -> byId.put(t.get("id").asText(), t));
      }
    }
    return byId;
  }

  static String hidden(JsonNode template, String attribute) {
    for (JsonNode property : template.get("properties")) {
      if (property.at("/binding/type").asText().equals("property")
          && property.at("/binding/name").asText().equals(attribute)) {
        return property.get("value").asText();
      }
    }
    return null;
  }

  @Test
  @DisplayName(
      "Chaque étape de service des modèles vient d'un modèle d'élément du projet, avec ce qu'il fixe")
  void everyServiceTaskUsesATemplate() throws IOException {
    Map<String, JsonNode> templates = templates();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path file : models.toList()) {
        for (ServiceTask task :
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
          String id =
              task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
          assertThat(templates).as("%s: %s", file, task.getId()).containsKey(id);
          JsonNode template = templates.get(id);
          assertThat(task.getCamundaDelegateExpression())
              .as(task.getId())
              .isEqualTo(hidden(template, "camunda:delegateExpression"));
          assertThat(String.valueOf(task.isCamundaAsyncBefore()))
              .as(task.getId())
              .isEqualTo(
                  hidden(template, "camunda:asyncBefore") == null
                      ? "false"
                      : hidden(template, "camunda:asyncBefore"));
        }
      }
    }
  }

  @Test
  @DisplayName(
      "Chaque modèle d'élément nomme un délégué que l'application déclare, et se présente en français")
  void everyTemplateNamesAnExistingDelegate() throws IOException {
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.append(Files.readString(file));
      }
    }
    Pattern bean = Pattern.compile("#\\{(\\w+)\\}");
    for (JsonNode template : templates().values()) {
      assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
      assertThat(template.get("name").asText()).as(template.get("id").asText()).isNotBlank();
      assertThat(template.get("description").asText()).as(template.get("id").asText()).isNotBlank();
      Matcher delegate = bean.matcher(hidden(template, "camunda:delegateExpression"));
      assertThat(delegate.matches()).isTrue();
      assertThat(sources)
          .as(template.get("id").asText())
          .contains("@Component(\"" + delegate.group(1) + "\")");
    }
  }
}
