package fr.anef.renewal.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The inputs of one deployed Camunda Form (form-js schema): which keys a submission may carry and
 * how each is checked. Display components ({@code text}, {@code html}, …) and {@code disabled} or
 * {@code readonly} fields carry nothing the person may write (a {@code readonly} one comes back
 * with the value it was given).
 */
record FormSchema(String formId, Map<String, FormField> fields) {

  /** Text inputs without a declared maximum length are bounded all the same. */
  static final int DEFAULT_MAX_TEXT = 4000;

  /** A task or start event without a form: nothing may be written. */
  static final FormSchema NONE = new FormSchema(null, Map.of());

  /**
   * A form the model names but the engine cannot find (a model deployed without its forms) or
   * cannot read as form-js JSON: nothing may be written, and the person is told the step cannot be
   * sent.
   */
  static final FormSchema MISSING = new FormSchema(null, Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT_INPUTS =
      Set.of("textfield", "textarea", "radio", "select", "datetime");
  private static final Set<String> LIST_INPUTS = Set.of("checklist", "taglist");

  static FormSchema parse(InputStream form) throws IOException {
    JsonNode root = JSON.readTree(form);
    Map<String, FormField> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(null), Collections.unmodifiableMap(fields));
  }

  /** The keys a person may send. */
  Set<String> writableKeys() {
    Map<String, FormField> writable = new LinkedHashMap<>(fields);
    writable.values().removeIf(f -> !f.writable());
    return writable.keySet();
  }

  Optional<FormField> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  private static void collect(JsonNode components, Map<String, FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      String path = component.path("path").asText(null);
      if (("group".equals(type) || "dynamiclist".equals(type)) && path != null && !path.isBlank()) {
        // A group with a path submits its children as one object: a list or an object, never
        // checked field by field.
        fields.put(
            path,
            new FormField(
                path,
                component.path("label").asText(null),
                null,
                FormField.Kind.LIST,
                access(component),
                null,
                null,
                null,
                false,
                null,
                null,
                List.of()));
        continue;
      }
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      if (key == null || key.isBlank()) {
        continue;
      }
      FormField.Kind kind =
          TEXT_INPUTS.contains(type)
              ? FormField.Kind.TEXT
              : "checkbox".equals(type)
                  ? FormField.Kind.BOOLEAN
                  : "number".equals(type)
                      ? (component.path("serializeToString").asBoolean()
                          ? FormField.Kind.TEXT
                          : FormField.Kind.NUMBER)
                      : LIST_INPUTS.contains(type)
                          ? FormField.Kind.LIST
                          : "expression".equals(type) ? FormField.Kind.ANY_PRIMITIVE : null;
      if (kind == null) {
        continue; // text, html, image, table, iframe, button…: nothing submitted
      }
      JsonNode validate = component.path("validate");
      List<String> options = new ArrayList<>();
      component.path("values").forEach(v -> options.add(v.path("value").asText()));
      fields.put(
          key,
          new FormField(
              key,
              component.path("label").asText(null),
              component.path("description").asText(null),
              kind,
              access(component),
              intOrNull(validate, "minLength"),
              maxLength(kind, validate),
              pattern(validate.path("pattern").asText(null)),
              "email".equals(validate.path("validationType").asText()),
              doubleOrNull(validate, "min"),
              doubleOrNull(validate, "max"),
              List.copyOf(options)));
    }
  }

  private static FormField.Access access(JsonNode component) {
    return component.path("disabled").asBoolean(false)
        ? FormField.Access.DISABLED
        : component.path("readonly").asBoolean(false)
            ? FormField.Access.READONLY
            : FormField.Access.WRITABLE;
  }

  private static Integer maxLength(FormField.Kind kind, JsonNode validate) {
    Integer declared = intOrNull(validate, "maxLength");
    return declared != null
        ? declared
        : kind == FormField.Kind.NUMBER || kind == FormField.Kind.BOOLEAN ? null : DEFAULT_MAX_TEXT;
  }

  private static Integer intOrNull(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.path(name).intValue() : null;
  }

  private static Double doubleOrNull(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.path(name).doubleValue() : null;
  }

  private static Pattern pattern(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      // A pattern Java cannot read is checked by the browser and the business rules only.
      return null;
    }
  }
}
