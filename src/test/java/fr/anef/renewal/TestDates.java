package fr.anef.renewal;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The tests' « today » is the application's: its clock is Europe/Paris (a test that took the host's
 * day would fail on a UTC machine between 22:00 or 23:00 and midnight, when Paris is already on the
 * next day).
 */
public final class TestDates {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private TestDates() {}

  public static LocalDate today() {
    return LocalDate.now(PARIS);
  }
}
