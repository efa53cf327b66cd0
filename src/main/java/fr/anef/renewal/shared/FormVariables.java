package fr.anef.renewal.shared;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Where a form record reads its fields from: one variable at a time, by name, so that a record
 * built from an execution reads exactly the keys its form declares and nothing else.
 */
@FunctionalInterface
public interface FormVariables {

  /** The value of the variable {@code key}, or null when absent. */
  Object get(String key);

  static FormVariables of(VariableScope scope) {
    return scope::getVariable;
  }

  static FormVariables of(Map<String, ?> values) {
    return values::get;
  }
}
