package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.models.ProcedureTimers;
import fr.anef.renewal.shared.ModelDuration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silence kept for 4 months (the model's « 4 mois sans décision ») after the dépôt is an implicit
 * rejection (R.432-1, R.432-2): the case is marked and the applicant told; the instruction goes on
 * and the préfet can still decide.
 */
@Service("implicitRejection")
public class ImplicitRejection {

  /** The duration of the versions of the model before ADR 0024, whose timer computes its date. */
  static final int FORMER_MONTHS = 4;

  private final Cases cases;
  private final CaseNotices notices;
  private final ProcedureTimers timers;
  private final Clock clock;

  ImplicitRejection(Cases cases, CaseNotices notices, ProcedureTimers timers, Clock clock) {
    this.cases = cases;
    this.notices = notices;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * The timer's date for the versions of the model before ADR 0024 ({@code
   * ${implicitRejection.dueDate(execution)}}); kept while cases of those versions run. Newer
   * versions read {@code implicitRejectionDate}, stored at the dépôt with the model's duration.
   */
  public Date dueDate(DelegateExecution execution) {
    RenewalCase renewal = cases.caseOf(execution.getProcessInstanceId());
    return Date.from(
        ZonedDateTime.ofInstant(renewal.getDepositedAt(), clock.getZone())
            .plusMonths(FORMER_MONTHS)
            .toInstant());
  }

  /** The silence's duration in the case's model (4 months for the versions before ADR 0024). */
  private ModelDuration silence(String processInstanceId) {
    return timers
        .find(processInstanceId, ProcedureTimers.IMPLICIT_REJECTION)
        .orElse(ModelDuration.parse("P" + FORMER_MONTHS + "M", "« 4 mois sans décision »"));
  }

  @Transactional
  public void mark(String processInstanceId) {
    RenewalCase renewal =
        cases.moveTo(
            processInstanceId,
            CaseStatus.IMPLICITLY_REJECTED,
            "administration",
            "Aucune décision " + silence(processInstanceId).inFrench() + " après le dépôt");
    LocalDate deposit = LocalDate.ofInstant(renewal.getDepositedAt(), clock.getZone());
    notices.publish(
        renewal,
        "implicit-rejection:" + renewal.getId(),
        "IMPLICIT_REJECTION",
        "Décision implicite de rejet",
        notices.greeting(renewal)
            + "\n\nVotre demande de titre de séjour n° "
            + renewal.getRequestNumber()
            + " déposée le "
            + deposit.format(Complements.DATE)
            + " n'a pas reçu de réponse dans un délai "
            + silence(processInstanceId).afterDe()
            + ". "
            + "Ce silence vaut décision implicite de rejet (articles R. 432-1 et R. 432-2 du code de l'entrée et du "
            + "séjour des étrangers et du droit d'asile).\n\nVous pouvez demander la communication des motifs de cette "
            + "décision dans le délai du recours contentieux, et la contester devant le tribunal administratif dans un "
            + "délai de deux mois.\n\nL'instruction de votre demande se poursuit : le préfet peut encore prendre une "
            + "décision expresse, qui vous sera notifiée."
            + CaseNotices.SIGNATURE,
        null);
  }
}
