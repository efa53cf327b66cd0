package fr.anef.renewal.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the application keeps its personal data (ADR 0020), as ISO-8601 periods ({@code
 * anef.retention.*}): each period runs from the end of what the data was for.
 */
@Component
public class RetentionPolicy {

  private final Period closedCases;
  private final Period medicalFiles;
  private final Period drafts;
  private final Period sentMails;
  private final Period expiredTokens;
  private final int batchSize;
  private final Clock clock;

  RetentionPolicy(
      @Value("${anef.retention.closed-cases:P5Y}") Period closedCases,
      @Value("${anef.retention.medical-files:P5Y}") Period medicalFiles,
      @Value("${anef.retention.drafts:P1Y}") Period drafts,
      @Value("${anef.retention.sent-mails:P30D}") Period sentMails,
      @Value("${anef.retention.expired-tokens:P7D}") Period expiredTokens,
      @Value("${anef.retention.batch-size:200}") int batchSize,
      Clock clock) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("anef.retention.batch-size must be at least 1");
    }
    this.closedCases = closedCases;
    this.medicalFiles = medicalFiles;
    this.drafts = drafts;
    this.sentMails = sentMails;
    this.expiredTokens = expiredTokens;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  /**
   * A filed case (its children, documents, mails) is kept this long after it reached a final
   * status.
   */
  public Period closedCases() {
    return closedCases;
  }

  /**
   * An OFII medical file (events, documents, college votes) is kept this long after its closing
   * (arrêté 27/12/2016 art. 12).
   */
  public Period medicalFiles() {
    return medicalFiles;
  }

  /** A draft never filed is kept this long after its abandonment or its last activity. */
  public Period drafts() {
    return drafts;
  }

  /**
   * A sent e-mail's row is kept this long after its sending (the mail-dispatch history's time to
   * live).
   */
  public Period sentMails() {
    return sentMails;
  }

  /** A single-use account link is kept this long after its expiry. */
  public Period expiredTokens() {
    return expiredTokens;
  }

  /** Rows purged per transaction (parents; their children with them). */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The instant before which data kept {@code period} is due, now, in French legal time (calendar
   * years and months).
   */
  Instant cutoff(Period period) {
    return ZonedDateTime.now(clock).minus(period).toInstant();
  }
}
