package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.models.ProcedureTimers;
import fr.anef.renewal.pdf.PdfRenderer;
import fr.anef.renewal.pdf.ProlongationAttestation;
import fr.anef.renewal.shared.TimerDate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « ATTESTATION DE PROLONGATION D'INSTRUCTION » (R.431-15-1, R.425-12): while no decision is taken,
 * from the later of the titre's expiry and OFII's receipt of the certificate, one attestation valid
 * 3 months, then a new one every 3 months (the model's « 3 mois plus tard »). The first date is
 * stored when the certificate's receipt arrives; the timer reads it.
 */
@Service("prolongations")
public class Prolongations {

  /**
   * Date OFII received the certificate, carried by the message {@code MedicalCertificateReceived}.
   */
  public static final String VAR_CERTIFICATE_RECEIVED = "certificateReceivedDate";

  /**
   * The first attestation's day (ISO-8601 with offset), read by the timer « Expiration du titre ».
   */
  public static final String VAR_START_DATE = "prolongationStartDate";

  private final Cases cases;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final CaseNotices notices;
  private final Decisions decisions;
  private final ProcedureTimers timers;
  private final Clock clock;

  Prolongations(
      Cases cases,
      DocumentService documents,
      PdfRenderer pdf,
      CaseNotices notices,
      Decisions decisions,
      ProcedureTimers timers,
      Clock clock) {
    this.cases = cases;
    this.documents = documents;
    this.pdf = pdf;
    this.notices = notices;
    this.decisions = decisions;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * When the certificate's receipt arrives (message {@code MedicalCertificateReceived}): the first
   * attestation's day, the later of the day after the titre's expiry and the certificate's receipt
   * (today if unknown), as the timer « Expiration du titre » reads it from {@value
   * #VAR_START_DATE}.
   */
  @Transactional(readOnly = true)
  public String startDate(String processInstanceId, Object certificateReceived) {
    return TimerDate.startOf(first(processInstanceId, certificateReceived), clock.getZone());
  }

  /**
   * The same day, for the timer of the versions of the model before ADR 0024, which computes it
   * ({@code ${prolongations.firstDate(execution)}}); kept while cases of those versions run.
   */
  public Date firstDate(DelegateExecution execution) {
    LocalDate first =
        first(execution.getProcessInstanceId(), execution.getVariable(VAR_CERTIFICATE_RECEIVED));
    return Date.from(first.atStartOfDay(clock.getZone()).toInstant());
  }

  private LocalDate first(String processInstanceId, Object received) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    LocalDate receipt = received == null ? LocalDate.now(clock) : MedicalPhase.date(received);
    LocalDate afterExpiry =
        renewal.getTitleValidUntil() == null ? receipt : renewal.getTitleValidUntil().plusDays(1);
    return afterExpiry.isAfter(receipt) ? afterExpiry : receipt;
  }

  /** Issues the attestation starting today, once (a retried job finds it). */
  @Transactional
  public IssuedDocument issue(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    LocalDate from = LocalDate.now(clock);
    // Valid until the eve of the next one: the timer « 3 mois plus tard » of the case's model.
    LocalDate until =
        LocalDate.ofInstant(
                timers
                    .of(processInstanceId, ProcedureTimers.PROLONGATION_VALIDITY)
                    .after(from.atStartOfDay(clock.getZone()).toInstant()),
                clock.getZone())
            .minusDays(1);
    IssuedDocument attestation =
        documents.issue(
            renewal.getId(),
            "prolongation:" + renewal.getId() + ":" + from,
            "PROLONGATION_ATTESTATION",
            "attestation-prolongation-" + from + ".pdf",
            () ->
                pdf.prolongationAttestation(
                    new ProlongationAttestation(
                        decisions.identity(renewal),
                        renewal.getRequestNumber(),
                        LocalDate.ofInstant(renewal.getDepositedAt(), clock.getZone()),
                        from,
                        until)));
    notices.publish(
        renewal,
        "prolongation-notice:" + renewal.getId() + ":" + from,
        "PROLONGATION",
        "Notification de prolongation de l'instruction",
        notices.greeting(renewal)
            + "\n\nVotre demande de titre de séjour n° "
            + renewal.getRequestNumber()
            + " est toujours en cours d'instruction.\n\nVous trouverez ci-dessous l'attestation de prolongation "
            + "d'instruction, valable du "
            + from.format(Complements.DATE)
            + " au "
            + until.format(Complements.DATE)
            + ". Elle n'est valable qu'accompagnée du titre précédemment détenu, même s'il est arrivé à expiration."
            + CaseNotices.SIGNATURE,
        attestation.getId());
    return attestation;
  }
}
