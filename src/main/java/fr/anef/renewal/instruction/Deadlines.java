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
  private final String certificateDelivery;
  private final String treatingDoctorAnswer;

  Deadlines(@Value("${anef.deadlines.certificate-delivery:P1M}") String certificateDelivery,
      @Value("${anef.deadlines.treating-doctor-answer:P15D}") String treatingDoctorAnswer,
      @Value("${anef.deadlines.complement-reply:P30D}") String complementReply,
      @Value("${anef.deadlines.complement-unread-reminder:P15D}") String complementUnreadReminder,
      @Value("${anef.deadlines.prolongation-validity:P3M}") String prolongationValidity) {
    this.complementReply = complementReply;
    this.complementUnreadReminder = complementUnreadReminder;
    this.prolongationValidity = prolongationValidity;
    this.certificateDelivery = certificateDelivery;
    this.treatingDoctorAnswer = treatingDoctorAnswer;
  }

  /** One month to send the certificate to OFII, from the opening of its notification (F17164). */
  public String getCertificateDelivery() {
    return certificateDelivery;
  }

  /** The treating doctor has 15 days to answer OFII's doctor (R.425-12). */
  public String getTreatingDoctorAnswer() {
    return treatingDoctorAnswer;
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
