package fr.anef.renewal.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A date a BPMN timer reads from a process variable ({@code
 * <timeDate>${implicitRejectionDate}</timeDate>}): the service that owns the deadline computes it
 * when its fact happens and stores it as ISO-8601 text with its offset ({@code
 * 2027-04-02T10:15:30+02:00}), which the engine's timer parses and Cockpit shows as it is.
 */
public final class TimerDate {

  private TimerDate() {}

  /** The moment, to the second. */
  public static String of(ZonedDateTime moment) {
    return moment.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The start of the day, in the zone. */
  public static String startOf(LocalDate day, ZoneId zone) {
    return of(day.atStartOfDay(zone));
  }
}
