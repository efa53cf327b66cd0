package fr.anef.renewal.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Values as forms and messages bring them into the process — strings from Camunda Forms (dates as
 * « YYYY-MM-DD »), typed values from REST clients — and the French date format everything prints.
 */
public final class FormValues {

  /** « 04/10/2023 ». */
  public static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private FormValues() {}

  /** A trimmed string, or null when absent or blank. */
  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * A date from a form or a message: a {@link Date}, « YYYY-MM-DD » (possibly followed by a time) or
   * « JJ/MM/AAAA »; null when absent.
   *
   * @throws java.time.format.DateTimeParseException when it is not a date
   */
  public static LocalDate date(Object value) {
    if (value instanceof Date legacy) {
      return LocalDate.ofInstant(legacy.toInstant(), ZoneId.of("Europe/Paris"));
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE)
        : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
