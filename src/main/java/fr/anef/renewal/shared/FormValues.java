package fr.anef.renewal.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Date;

/**
 * Values as forms and messages bring them into the process — strings from Camunda Forms (dates as «
 * YYYY-MM-DD »), typed values from REST clients — and the French date format everything prints.
 */
public final class FormValues {

  /** « 04/10/2023 »; parses strictly (« 31/02/2020 » is not a date, not the 29th). */
  public static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** « 2023-10-04 », strictly. */
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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
   * A form's datetime (date subtype) as text: a {@link Date} sent by a typed client becomes «
   * YYYY-MM-DD » (Paris), anything else its trimmed text; null when absent.
   */
  public static String dateText(Object value) {
    if (value instanceof Date legacy) {
      return LocalDate.ofInstant(legacy.toInstant(), PARIS).format(ISO_DATE);
    }
    return text(value);
  }

  /**
   * A checkbox: true for {@code true} or « true », false for anything else present, null when
   * absent.
   */
  public static Boolean checkbox(Object value) {
    return value == null
        ? null
        : Boolean.TRUE.equals(value) || "true".equals(value.toString().strip());
  }

  /**
   * A number field as an integer; null when absent, blank, not a whole number or out of the int
   * range.
   */
  public static Integer integer(Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Long || value instanceof Short || value instanceof Byte) {
      long l = ((Number) value).longValue();
      return l == (int) l ? (int) l : null;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) d : null;
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A date from a form or a message: a {@link Date}, « YYYY-MM-DD » (possibly followed by a time)
   * or « JJ/MM/AAAA », parsed strictly (a day that the month does not have is refused); null when
   * absent.
   *
   * @throws java.time.format.DateTimeParseException when it is not a date
   */
  public static LocalDate date(Object value) {
    if (value instanceof Date legacy) {
      return LocalDate.ofInstant(legacy.toInstant(), PARIS);
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    if (text.contains("/")) {
      return LocalDate.parse(text, FRENCH_DATE);
    }
    boolean withTime = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ');
    return LocalDate.parse(withTime ? text.substring(0, 10) : text, ISO_DATE);
  }
}
