package fr.anef.renewal.instruction;

import fr.anef.renewal.filing.CaseStatus;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.filing.RenewalCase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silence kept for 4 months after the dépôt is an implicit rejection (R.432-1, R.432-2): the case is marked
 * and the applicant told; the instruction goes on and the préfet can still decide.
 */
@Service("implicitRejection")
public class ImplicitRejection {

  static final int MONTHS = 4;

  private final FilingService filing;
  private final CaseNotices notices;
  private final Clock clock;

  ImplicitRejection(FilingService filing, CaseNotices notices, Clock clock) {
    this.filing = filing;
    this.notices = notices;
    this.clock = clock;
  }

  public Date dueDate(DelegateExecution execution) {
    RenewalCase renewal = filing.caseOf(execution.getProcessInstanceId());
    return Date.from(ZonedDateTime.ofInstant(renewal.getDepositedAt(), clock.getZone()).plusMonths(MONTHS).toInstant());
  }

  @Transactional
  public void mark(String processInstanceId) {
    RenewalCase renewal = filing.moveTo(processInstanceId, CaseStatus.IMPLICITLY_REJECTED, "administration",
        "Aucune décision 4 mois après le dépôt");
    LocalDate deposit = LocalDate.ofInstant(renewal.getDepositedAt(), clock.getZone());
    notices.publish(renewal, "implicit-rejection:" + renewal.getId(), "IMPLICIT_REJECTION", "Décision implicite de rejet",
        notices.greeting(renewal) + "\n\nVotre demande de titre de séjour n° " + renewal.getRequestNumber()
            + " déposée le " + deposit.format(Complements.DATE) + " n'a pas reçu de réponse dans un délai de quatre mois. "
            + "Ce silence vaut décision implicite de rejet (articles R. 432-1 et R. 432-2 du code de l'entrée et du "
            + "séjour des étrangers et du droit d'asile).\n\nVous pouvez demander la communication des motifs de cette "
            + "décision dans le délai du recours contentieux, et la contester devant le tribunal administratif dans un "
            + "délai de deux mois.\n\nL'instruction de votre demande se poursuit : le préfet peut encore prendre une "
            + "décision expresse, qui vous sera notifiée." + CaseNotices.SIGNATURE, null);
  }
}
