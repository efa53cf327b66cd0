package fr.anef.renewal.shared;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;

/**
 * A duration of the procedure as the models write it: the ISO-8601 duration of a BPMN timer ({@code
 * P30D}, {@code P1M}, {@code PT3M}…), read by the engine's own timer parser ({@link
 * DurationHelper}), so that the date the code computes and shows is the date the engine's timer
 * fires; and said in French for the notices.
 */
public record ModelDuration(String iso) {

  private static final DatatypeFactory XML;

  static {
    try {
      XML = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The duration, checked as the engine reads timers; {@link IllegalArgumentException} with a
   * French message naming where it was written otherwise.
   */
  public static ModelDuration parse(String iso, String where) {
    String value = iso == null ? "" : iso.trim();
    try {
      new DurationHelper(value);
      Duration duration = XML.newDuration(value);
      if (duration.getSign() <= 0 || value.startsWith("R")) {
        throw new IllegalArgumentException(value);
      }
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "La durée « "
              + value
              + " » de "
              + where
              + " n'est pas une durée ISO 8601 "
              + "positive (exemples : P30D pour 30 jours, P1M pour un mois, PT3M pour 3 minutes).",
          e);
    }
    return new ModelDuration(value);
  }

  /** The moment this duration after {@code start}, as the engine's timer computes it. */
  public Instant after(Instant start) {
    try {
      return new DurationHelper(iso, Date.from(start)).getDateAfter(Date.from(start)).toInstant();
    } catch (Exception e) {
      throw new IllegalStateException(iso, e);
    }
  }

  /** In French: « 30 jours », « un mois », « 3 mois et 15 jours », « 3 minutes ». */
  public String inFrench() {
    Duration d = XML.newDuration(iso);
    List<String> parts = new ArrayList<>();
    add(parts, d.getField(DatatypeConstants.YEARS), "un an", "ans");
    add(parts, d.getField(DatatypeConstants.MONTHS), "un mois", "mois");
    add(parts, d.getField(DatatypeConstants.DAYS), "un jour", "jours");
    add(parts, d.getField(DatatypeConstants.HOURS), "une heure", "heures");
    add(parts, d.getField(DatatypeConstants.MINUTES), "une minute", "minutes");
    add(parts, d.getField(DatatypeConstants.SECONDS), "une seconde", "secondes");
    if (parts.isEmpty()) {
      return "0 jour";
    }
    String last = parts.remove(parts.size() - 1);
    return parts.isEmpty() ? last : String.join(", ", parts) + " et " + last;
  }

  /** « de 30 jours », « d'un mois »: after « un délai ». */
  public String afterDe() {
    String french = inFrench();
    return french.startsWith("un") ? "d'" + french : "de " + french;
  }

  private static void add(List<String> parts, Number field, String one, String many) {
    if (field == null) {
      return;
    }
    BigInteger value =
        field instanceof BigInteger b
            ? b
            : new java.math.BigDecimal(field.toString()).toBigInteger();
    if (value.signum() == 0) {
      return;
    }
    parts.add(value.equals(BigInteger.ONE) ? one : value + " " + many);
  }
}
