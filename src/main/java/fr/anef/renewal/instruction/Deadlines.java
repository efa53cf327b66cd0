package fr.anef.renewal.instruction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The procedure's durations, as ISO-8601 durations the BPMN timers read ({@code ${deadlines.complementReply}}).
 * Configurable: « dans un délai raisonnable » (R.431-11) is 30 days from the opening in the seed.
 */
@Component("deadlines")
public class Deadlines {

  private final String complementReply;
  private final String complementUnreadReminder;
  private final String prolongationValidity;

  Deadlines(@Value("${anef.deadlines.complement-reply:P30D}") String complementReply,
      @Value("${anef.deadlines.complement-unread-reminder:P15D}") String complementUnreadReminder,
      @Value("${anef.deadlines.prolongation-validity:P3M}") String prolongationValidity) {
    this.complementReply = complementReply;
    this.complementUnreadReminder = complementUnreadReminder;
    this.prolongationValidity = prolongationValidity;
  }

  public String getComplementReply() {
    return complementReply;
  }

  public String getComplementUnreadReminder() {
    return complementUnreadReminder;
  }

  public String getProlongationValidity() {
    return prolongationValidity;
  }

  java.time.Period complementReplyPeriod() {
    return java.time.Period.parse(complementReply);
  }

  java.time.Period prolongationPeriod() {
    return java.time.Period.parse(prolongationValidity);
  }
}
