package fr.anef.renewal.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A form's record read from its variables: each component is the field of the same name, read as
 * its type says ({@code String}: {@link FormValues#text}, or {@link FormValues#dateText} when the
 * component is marked {@link Date}; {@code Boolean}: {@link FormValues#checkbox}; {@code Integer}:
 * {@link FormValues#integer}). One rule for every form of the filing, the instruction and OFII, so
 * that a record reads exactly the keys its components name.
 */
public final class FormRecords {

  /** A form's date field (a datetime of subtype date): read with {@link FormValues#dateText}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface Date {}

  private FormRecords() {}

  /**
   * @throws IllegalArgumentException when {@code type} has a component of another type than {@code
   *     String}, {@code Boolean} or {@code Integer}
   */
  public static <R extends Record> R read(Class<R> type, FormVariables variables) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      values[i] = value(type, component, variables.get(component.getName()));
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " cannot be built", e);
    }
  }

  private static Object value(Class<?> type, RecordComponent component, Object raw) {
    Class<?> kind = component.getType();
    if (kind == String.class) {
      return component.isAnnotationPresent(Date.class)
          ? FormValues.dateText(raw)
          : FormValues.text(raw);
    }
    if (kind == Boolean.class) {
      return FormValues.checkbox(raw);
    }
    if (kind == Integer.class) {
      return FormValues.integer(raw);
    }
    throw new IllegalArgumentException(
        type.getName() + "." + component.getName() + ": no form field reads a " + kind.getName());
  }
}
