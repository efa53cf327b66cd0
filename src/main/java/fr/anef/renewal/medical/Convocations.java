package fr.anef.renewal.medical;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's convocation to an OFII examination: a date, a time and a place — nothing medical.
 * OFII's message to the applicant, in their « Mes notifications »; the préfecture is not told (ADR
 * 0035): no line in the case's history, no variable of its process, and its opening is not logged
 * there either ({@value #KIND} starts with {@code OFII_}).
 */
@Component
class Convocations {

  static final String KIND = "OFII_CONVOCATION";

  private final Cases cases;
  private final Register register;
  private final NotificationService notifications;

  Convocations(Cases cases, Register register, NotificationService notifications) {
    this.cases = cases;
    this.register = register;
    this.notifications = notifications;
  }

  @Transactional
  void send(MedicalFiles.Convocation convocation) {
    RenewalCase renewal = cases.byRequestNumber(convocation.requestNumber()).orElseThrow();
    RegisteredPerson person = register.person(renewal.getApplicantId()).orElseThrow();
    String when = convocation.date().format(MedicalFiles.DATE) + " à " + convocation.time();
    notifications.publish(
        new NotificationService.Notice(
            "ofii-convocation:"
                + renewal.getId()
                + ":"
                + convocation.date()
                + ":"
                + convocation.time(),
            renewal.getId(),
            renewal.getApplicantId(),
            Objects.requireNonNullElse(renewal.getEmail(), person.getEmail()),
            KIND,
            "Convocation à l'Office français de l'immigration et de l'intégration",
            "Bonjour "
                + person.getFirstNames()
                + " "
                + person.getBirthName()
                + ",\n\nDans le cadre de votre demande de titre "
                + "de séjour n° "
                + renewal.getRequestNumber()
                + ", le médecin de l'OFII vous convoque le "
                + when
                + " à l'adresse suivante :\n"
                + convocation.place()
                + "\n\nVous devez venir avec un justificatif d'identité et "
                + "les originaux de vos documents médicaux. En cas d'empêchement, prévenez la direction territoriale de "
                + "l'OFII dont vous dépendez.\n\nCordialement,\nL'Office français de l'immigration et de l'intégration"),
        null);
  }
}
