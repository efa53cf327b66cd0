package fr.anef.renewal.filing;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.mail.MailOutbox;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.pdf.ApplicantIdentity;
import fr.anef.renewal.pdf.DepositReceipt;
import fr.anef.renewal.pdf.PdfRenderer;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows the dépôt: the « CONFIRMATION DU DÉPÔT … » PDF, the notification that carries it,
 * and the seed's confirmation e-mail with the PDF attached. Runs in its own engine job
 * (asyncBefore) after the dépôt committed; running it again (retry) issues nothing twice.
 */
@Service
public class DepositReceipts {

  static final String RECEIPT_KIND = "DEPOSIT_RECEIPT";
  static final String NOTIFICATION_KIND = "DEPOSIT_CONFIRMATION";
  static final String NOTIFICATION_TITLE = "Confirmation du dépôt de votre demande";
  static final String MAIL_SUBJECT = "Confirmation du dépôt de votre demande de titre de séjour";

  private final Cases cases;
  private final Register register;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final NotificationService notifications;
  private final MailOutbox outbox;
  private final Clock clock;
  private final IdentityService identityService;

  DepositReceipts(
      Cases cases,
      Register register,
      DocumentService documents,
      PdfRenderer pdf,
      NotificationService notifications,
      MailOutbox outbox,
      Clock clock,
      IdentityService identityService) {
    this.identityService = identityService;
    this.cases = cases;
    this.register = register;
    this.documents = documents;
    this.pdf = pdf;
    this.notifications = notifications;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public IssuedDocument issue(String processInstanceId) {
    RenewalCase filed = cases.caseOf(processInstanceId);
    if (filed.getStatus() != CaseStatus.DEPOSITED) {
      throw new IllegalStateException("La demande " + filed.getId() + " n'est pas déposée.");
    }
    RegisteredPerson person = register.person(filed.getApplicantId()).orElseThrow();
    LocalDate depositDate = LocalDate.ofInstant(filed.getDepositedAt(), clock.getZone());
    IssuedDocument receipt =
        documents.issue(
            filed.getId(),
            "deposit-receipt:" + filed.getId(),
            RECEIPT_KIND,
            "confirmation-depot-" + filed.getRequestNumber() + ".pdf",
            () ->
                pdf.depositReceipt(
                    new DepositReceipt(
                        identity(person),
                        filed.getRequestNumber(),
                        depositDate,
                        depositDate,
                        counterAgentName(filed))));
    String recipient = Objects.requireNonNullElse(filed.getEmail(), person.getEmail());
    String greeting =
        "Bonjour "
            + person.getFirstNames().toUpperCase(Locale.FRENCH)
            + " "
            + person.getBirthName().toUpperCase(Locale.FRENCH)
            + ",";
    outbox.enqueue(
        "deposit-confirmation-mail:" + filed.getId(),
        filed.getId(),
        recipient,
        MAIL_SUBJECT,
        confirmationMail(greeting),
        receipt.getId());
    notifications.publish(
        new NotificationService.Notice(
            "deposit-confirmation:" + filed.getId(),
            filed.getId(),
            filed.getApplicantId(),
            recipient,
            NOTIFICATION_KIND,
            NOTIFICATION_TITLE,
            confirmationNotification(greeting, filed, depositDate)),
        receipt.getId());
    cases.log(filed, "système", CaseEventKind.RECEIPT_ISSUED, receipt.getFileName());
    return receipt;
  }

  /**
   * « Demande déposée au guichet par … »: the agent's name as the identity service knows it, else
   * the id.
   */
  private String counterAgentName(RenewalCase filed) {
    if (!filed.filedAtCounter()) {
      return null;
    }
    User agent = identityService.createUserQuery().userId(filed.getCounterAgentId()).singleResult();
    String name =
        agent == null
            ? ""
            : (Objects.toString(agent.getFirstName(), "")
                    + " "
                    + Objects.toString(agent.getLastName(), ""))
                .strip();
    return (name.isEmpty()
            ? filed.getCounterAgentId()
            : name + " (" + filed.getCounterAgentId() + ")")
        + ", agent de la préfecture";
  }

  /** The identity block every PDF of the case prints. */
  public static ApplicantIdentity identity(RegisteredPerson person) {
    return new ApplicantIdentity(
        person.getForeignerNumber(),
        person.getBirthName(),
        person.getUsageName(),
        person.getFirstNames(),
        person.getBirthDate(),
        person.getBirthPlace(),
        person.getBirthCountry(),
        person.getNationality(),
        person.fullAddress());
  }

  /** The seed's confirmation e-mail. */
  static String confirmationMail(String greeting) {
    return greeting
        + """


        Votre demande de titre de séjour a bien été enregistrée. Elle sera instruite par les services de l'État.

        Vous serez informé(e) de l'état d'avancement de votre dossier et, si nécessaire, d'une demande de pièces \
        complémentaires, par message électronique vous invitant à vous connecter à votre espace sur le site de \
        l'administration numérique pour les étrangers en France.

        Cordialement,

        La Direction Générale des Etrangers en France

        Ce message est généré automatiquement, merci de ne pas y répondre.
        """;
  }

  static String confirmationNotification(
      String greeting, RenewalCase filed, LocalDate depositDate) {
    return greeting
        + "\n\nLe "
        + depositDate.format(FilingService.DATE)
        + ", vous avez déposé avec succès une demande "
        + "de renouvellement de titre de séjour (N° "
        + filed.getRequestNumber()
        + ") qui sera examinée par la "
        + "préfecture compétente.\n\nVous trouverez ci-dessous la confirmation du dépôt de votre demande. Ce document "
        + "ne constitue pas une preuve de régularité du séjour.\n\nCordialement,\nLa Direction Générale des Etrangers en France";
  }
}
