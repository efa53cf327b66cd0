package fr.anef.renewal.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import fr.anef.renewal.shared.EmailAddresses;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the {@code variables} of a form submission against the deployed form: only the form's
 * writable keys, each with the type form-js sends and within the form's constraints. Required
 * fields and the rules between fields are the business services' (they know which fields are
 * shown); this check makes sure nothing else gets in: no other variable, no serialized object, no
 * oversized text.
 */
final class SubmissionCheck {

  /**
   * Value types of the REST API that form-js may send, per kind of input (compared without case).
   */
  private static final Set<String> TEXT_TYPES = Set.of("string");

  private static final Set<String> BOOLEAN_TYPES = Set.of("boolean");
  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "double", "short");
  private static final Set<String> LIST_TYPES = Set.of("json");

  private SubmissionCheck() {}

  /**
   * @param variables the {@code variables} member of the request (missing or null: nothing
   *     submitted)
   * @param current the value a variable has now, as the task sees it (a {@code readonly} field must
   *     come back with it)
   * @return the French messages, empty when the submission is acceptable
   */
  static List<String> errors(
      FormSchema form, String formTitle, JsonNode variables, Function<String, Object> current) {
    List<String> errors = new ArrayList<>();
    if (variables == null || variables.isMissingNode() || variables.isNull()) {
      return errors;
    }
    if (!variables.isObject()) {
      errors.add("La requête est mal formée : « variables » doit être un objet.");
      return errors;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      FormField field = form.field(key).orElse(null);
      if (field == null) {
        errors.add(
            "Le champ « "
                + key
                + " » ne fait pas partie du formulaire « "
                + formTitle
                + " » : il ne peut pas être envoyé.");
      } else if (field.access() == FormField.Access.DISABLED) {
        errors.add(
            "Le champ « "
                + field.name()
                + " » est en lecture seule : il ne peut pas être modifié.");
      } else {
        int before = errors.size();
        check(field, entry.getValue(), errors);
        // form-js sends read-only fields back as they were shown: accepted only unchanged (and well
        // typed, above)
        if (errors.size() == before
            && field.access() == FormField.Access.READONLY
            && !unchanged(entry.getValue(), current.apply(key))) {
          errors.add(
              "Le champ « "
                  + field.name()
                  + " » est en lecture seule : il ne peut pas être modifié.");
        }
      }
    }
    return errors;
  }

  private static boolean unchanged(JsonNode variable, Object current) {
    JsonNode value = variable.path("value");
    boolean empty = value.isMissingNode() || value.isNull();
    return current == null
        ? empty
        : !empty && value.isValueNode() && value.asText().equals(current.toString());
  }

  private static void check(FormField field, JsonNode variable, List<String> errors) {
    String invalid = "La valeur du champ « " + field.name() + " » n'est pas valide.";
    if (!variable.isObject()) {
      errors.add(invalid);
      return;
    }
    for (Iterator<String> names = variable.fieldNames(); names.hasNext(); ) {
      if (!Set.of("value", "type", "valueInfo").contains(names.next())) {
        errors.add(invalid);
        return;
      }
    }
    JsonNode valueInfo = variable.path("valueInfo");
    if (!valueInfo.isMissingNode()
        && !valueInfo.isNull()
        && !(valueInfo.isObject() && valueInfo.isEmpty())) {
      errors.add(invalid);
      return;
    }
    String type =
        variable.path("type").isTextual()
            ? variable.path("type").asText().toLowerCase(Locale.ROOT)
            : null;
    if (variable.has("type") && type == null && !variable.path("type").isNull()) {
      errors.add(invalid);
      return;
    }
    JsonNode value = variable.path("value");
    boolean empty = value.isMissingNode() || value.isNull();
    switch (field.kind()) {
      case TEXT -> {
        if (!allowed(type, TEXT_TYPES) || !(empty || value.isTextual())) {
          errors.add(invalid);
        } else if (!empty) {
          text(field, value.asText(), errors);
        }
      }
      case BOOLEAN -> {
        if (!allowed(type, BOOLEAN_TYPES) || !(empty || value.isBoolean())) {
          errors.add(invalid);
        }
      }
      case NUMBER -> {
        if (!allowed(type, NUMBER_TYPES) || !(empty || value.isNumber())) {
          errors.add(invalid);
        } else if (!empty
            && (field.min() != null && value.doubleValue() < field.min()
                || field.max() != null && value.doubleValue() > field.max())) {
          errors.add(
              "La valeur du champ « "
                  + field.name()
                  + " » "
                  + range(field.min(), field.max())
                  + ".");
        }
      }
      case LIST -> {
        if (!LIST_TYPES.contains(String.valueOf(type))
            || !(empty || value.isTextual())
            || !empty && value.asText().length() > FormSchema.DEFAULT_MAX_TEXT) {
          errors.add(invalid);
        }
      }
      case ANY_PRIMITIVE -> {
        boolean primitive = empty || value.isTextual() || value.isBoolean() || value.isNumber();
        if (!primitive
            || type != null
                && !(TEXT_TYPES.contains(type)
                    || BOOLEAN_TYPES.contains(type)
                    || NUMBER_TYPES.contains(type))) {
          errors.add(invalid);
        } else if (value.isTextual() && value.asText().length() > FormSchema.DEFAULT_MAX_TEXT) {
          errors.add(invalid);
        }
      }
      default -> errors.add(invalid);
    }
  }

  private static void text(FormField field, String text, List<String> errors) {
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      errors.add(
          "Le champ « "
              + field.name()
              + " » ne doit pas dépasser "
              + field.maxLength()
              + " caractères.");
      return;
    }
    if (text.isBlank()) {
      return;
    }
    if (field.minLength() != null && text.strip().length() < field.minLength()) {
      errors.add(
          "Le champ « "
              + field.name()
              + " » doit comporter au moins "
              + field.minLength()
              + " caractères.");
    }
    if (!field.options().isEmpty() && !field.options().contains(text)) {
      errors.add(
          "La valeur choisie pour le champ « "
              + field.name()
              + " » ne fait pas partie des choix proposés.");
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      errors.add(
          "Le champ « "
              + field.name()
              + " » n'a pas le format attendu"
              + (field.description() == null || field.description().isBlank()
                  ? "."
                  : " (" + field.description() + ")."));
    }
    if (field.email() && !EmailAddresses.valid(text.strip())) {
      errors.add(EmailAddresses.INVALID);
    }
  }

  /**
   * An untyped value is accepted only when its JSON kind is the field's; a typed one only with the
   * field's types.
   */
  private static boolean allowed(String type, Set<String> types) {
    return type == null || types.contains(type);
  }

  private static String range(Double min, Double max) {
    return min != null && max != null
        ? "doit être comprise entre " + format(min) + " et " + format(max)
        : min != null ? "doit être au moins " + format(min) : "ne doit pas dépasser " + format(max);
  }

  private static String format(double bound) {
    return bound == Math.rint(bound)
        ? String.valueOf((long) bound)
        : String.valueOf(bound).replace('.', ',');
  }
}
