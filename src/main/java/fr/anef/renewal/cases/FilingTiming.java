package fr.anef.renewal.cases;

import java.time.LocalDate;

/**
 * Where a filing falls in the window of R.431-5: between the 120th and the 60th day before the
 * current titre expires. Filing outside it is allowed and flagged on the case.
 */
public enum FilingTiming {
  EARLY("demande anticipée"),
  ON_TIME("demande dans les délais"),
  LATE("demande tardive");

  static final int WINDOW_OPENS_DAYS_BEFORE = 120;
  static final int WINDOW_CLOSES_DAYS_BEFORE = 60;

  private final String label;

  FilingTiming(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static LocalDate windowStart(LocalDate titleExpiry) {
    return titleExpiry.minusDays(WINDOW_OPENS_DAYS_BEFORE);
  }

  public static LocalDate windowEnd(LocalDate titleExpiry) {
    return titleExpiry.minusDays(WINDOW_CLOSES_DAYS_BEFORE);
  }

  public static FilingTiming of(LocalDate filingDate, LocalDate titleExpiry) {
    if (titleExpiry == null) {
      return ON_TIME;
    }
    if (filingDate.isBefore(windowStart(titleExpiry))) {
      return EARLY;
    }
    return filingDate.isAfter(windowEnd(titleExpiry)) ? LATE : ON_TIME;
  }
}
