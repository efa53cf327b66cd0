package fr.anef.renewal.instruction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.anef.renewal.shared.Refusal;
import java.util.List;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** The review form's dynamic list as a JSON process variable, read back whatever the client sent. */
final class ReviewItems {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ReviewItems() {}

  static JsonValue toVariable(List<ReviewItem> items) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Accepts a Json variable (Tasklist), a JSON string or a list of maps (REST clients). */
  static List<ReviewItem> parse(Object variable) {
    if (variable == null) {
      throw new Refusal("L'avis sur les documents est obligatoire.");
    }
    try {
      String json = variable instanceof String text ? text
          : variable instanceof List<?> || variable instanceof java.util.Map<?, ?> ? JSON.writeValueAsString(variable)
          : variable.toString();
      return JSON.readValue(json, new TypeReference<List<ReviewItem>>() {});
    } catch (JsonProcessingException e) {
      throw new Refusal("L'avis sur les documents n'est pas lisible : rechargez la tâche et recommencez.");
    }
  }
}
