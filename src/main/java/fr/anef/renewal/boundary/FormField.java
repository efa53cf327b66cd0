package fr.anef.renewal.boundary;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One input of a deployed Camunda Form, as far as the server checks it: its key (the variable's
 * name), its kind, whether the person may write it, and the constraints form-js checks in the
 * browser.
 *
 * @param description the help text under the field, which says the expected format
 * @param options the allowed values of a radio or select with static values, empty when free
 */
record FormField(
    String key,
    String label,
    String description,
    Kind kind,
    Access access,
    Integer minLength,
    Integer maxLength,
    Pattern pattern,
    boolean email,
    Double min,
    Double max,
    List<String> options) {

  /** How the value travels: form-js submits strings, booleans, numbers, or lists (as Json). */
  enum Kind {
    TEXT,
    BOOLEAN,
    NUMBER,
    LIST,
    ANY_PRIMITIVE
  }

  /**
   * Whether the person may write the field: {@code disabled} fields are not submitted by form-js,
   * {@code readonly} ones are, with the value the server gave them.
   */
  enum Access {
    WRITABLE,
    READONLY,
    DISABLED
  }

  boolean writable() {
    return access == Access.WRITABLE;
  }

  /** What the label says to the person, or the key when it has none. */
  String name() {
    return label == null || label.isBlank() ? key : label;
  }
}
