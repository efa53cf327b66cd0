package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.notification.Notification;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.pdf.ApplicantIdentity;
import fr.anef.renewal.pdf.MedicalCertificateIdentity;
import fr.anef.renewal.pdf.PdfRenderer;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.RegisteredPerson;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The préfecture's side of the medical phase. The process waits for {@code OfiiOpinion}, which
 * carries only the opinion's answers ({@link #OPINION_VARIABLES}), or {@code
 * MedicalCertificateNotReceived}; this records which, for the decision.
 */
@Service
public class MedicalPhase {

  /**
   * The only medical-side data the préfecture process may hold (arrêtés of 27/12/2016 and
   * 05/01/2017).
   */
  public static final java.util.List<String> OPINION_VARIABLES =
      java.util.List.of(
          "careNeeded",
          "exceptionallySeriousConsequences",
          "effectiveAccessToCareInOriginCountry",
          "expectedCareDurationMonths",
          "fitToTravel",
          "opinionDate");

  static final String KIND_CERTIFICATE_NOTICE = "MEDICAL_CERTIFICATE_FORM";

  private final Cases cases;
  private final MedicalOpinionRepository opinions;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final CaseNotices notices;
  private final RuntimeService runtime;
  private final Clock clock;

  MedicalPhase(
      Cases cases,
      MedicalOpinionRepository opinions,
      DocumentService documents,
      PdfRenderer pdf,
      CaseNotices notices,
      RuntimeService runtime,
      Clock clock) {
    this.cases = cases;
    this.opinions = opinions;
    this.documents = documents;
    this.pdf = pdf;
    this.notices = notices;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Documents complete: the applicant gets the blank certificate, its notice and the consent form
   * (one notification, three downloads); OFII's process is started with the request's reference and
   * the applicant's identity only.
   *
   * @return the notification whose opening starts the one-month deadline
   */
  @Transactional
  public UUID enter(String processInstanceId) {
    RenewalCase renewal =
        cases.moveTo(
            processInstanceId,
            CaseStatus.MEDICAL_INSTRUCTION,
            "administration",
            "Pièces complètes : dossier transmis au service médical de l'OFII");
    RegisteredPerson person = notices.person(renewal);
    ApplicantIdentity identity = Decisions.identity(person);
    String key = renewal.getId().toString();
    IssuedDocument notice =
        documents.issue(
            renewal.getId(),
            "medical-notice:" + key,
            "MEDICAL_NOTICE",
            "notice-explicative.pdf",
            pdf::explanatoryNotice);
    IssuedDocument consent =
        documents.issue(
            renewal.getId(),
            "medical-consent:" + key,
            "MEDICAL_CONSENT",
            "demande-de-communication-d-informations-medicales.pdf",
            () -> pdf.medicalInformationConsent(identity));
    IssuedDocument certificate =
        documents.issue(
            renewal.getId(),
            "medical-certificate-form:" + key,
            "MEDICAL_CERTIFICATE_FORM",
            "certificat-medical-confidentiel-vierge.pdf",
            () ->
                pdf.blankMedicalCertificate(
                    new MedicalCertificateIdentity(
                        identity,
                        "F".equals(person.getSex()) ? "F" : "M",
                        person.getEntryDate(),
                        Objects.requireNonNullElse(
                            renewal.getPhone(), Objects.toString(person.getPhone(), "")),
                        Objects.requireNonNullElse(
                            renewal.getEmail(), Objects.toString(person.getEmail(), "")),
                        "")));
    LocalDate deposit = LocalDate.ofInstant(renewal.getDepositedAt(), clock.getZone());
    Notification notification =
        notices.publishWithDownloads(
            renewal,
            "medical-certificate-notice:" + key,
            KIND_CERTIFICATE_NOTICE,
            "Mise à disposition de votre formulaire vierge de certificat médical",
            notices.greeting(renewal)
                + "\n\nVous avez déposé une demande de titre de séjour en raison de votre état de santé."
                + "\n\nVotre demande a été enregistrée le "
                + deposit.format(Complements.DATE)
                + ".\n\nJe vous informe que "
                + "le formulaire vierge de certificat médical vous a été mis à disposition. Vous devez le télécharger ci-après "
                + "et imprimer ce formulaire vierge afin de le présenter au médecin qui vous suit habituellement ou à un "
                + "médecin praticien hospitalier inscrit au tableau de l'ordre.\n\nVous disposez d'un délai d'un mois pour "
                + "envoyer votre certificat renseigné par ce médecin à l'Office Français de l'Immigration et de "
                + "l'Intégration (OFII)."
                + CaseNotices.SIGNATURE,
            List.of(
                new NotificationService.Download(
                    notice.getId(), "TÉLÉCHARGER LA NOTICE EXPLICATIVE"),
                new NotificationService.Download(
                    consent.getId(), "TÉLÉCHARGER LA NOTICE ARTICLE 56 IMDAEIR"),
                new NotificationService.Download(
                    certificate.getId(),
                    "TÉLÉCHARGER LE FORMULAIRE VIERGE DE CERTIFICAT MÉDICAL")));
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(OfiiMedicalOpinionProcess.KEY)
            .processInstanceBusinessKey(renewal.getRequestNumber())
            .count()
        == 0) {
      runtime.startProcessInstanceByMessage(
          OfiiMedicalOpinionProcess.MESSAGE_REFERRAL,
          renewal.getRequestNumber(),
          Map.of(
              "foreignerNumber", person.getForeignerNumber(),
              "applicantName", person.getFirstNames() + " " + person.getBirthName(),
              "birthDate", person.getBirthDate().toString(),
              "nationality", person.getNationality()));
    }
    return notification.getId();
  }

  /**
   * The one month went by without the certificate: recorded, and the agent decides what follows.
   */
  @Transactional
  public void certificateMissing(String processInstanceId) {
    cases.log(
        cases.caseOf(processInstanceId),
        "administration",
        CaseEventKind.CERTIFICATE_NOT_RECEIVED,
        "Certificat médical non reçu par l'OFII un mois après la consultation du formulaire");
  }

  /**
   * « Certificat médical non reçu : décider de la suite »: WAIT (one month more) or DECIDE. A
   * certificate that reached OFII while the task was open turns WAIT into RECEIVED: the case then
   * waits for the opinion.
   */
  @Transactional
  public String followUp(
      String processInstanceId,
      InstructionForms.CertificateNotReceived form,
      Object certificateReceivedDate,
      String agent) {
    String value = form.certificateFollowUp() == null ? "" : form.certificateFollowUp();
    if (!value.equals("WAIT") && !value.equals("DECIDE")) {
      throw new fr.anef.renewal.shared.Refusal(
          "Choisissez d'attendre le certificat ou de passer à la décision.");
    }
    if (value.equals("WAIT") && certificateReceivedDate != null) {
      cases.log(
          cases.caseOf(processInstanceId),
          agent,
          CaseEventKind.CERTIFICATE_FOLLOW_UP,
          "Certificat reçu par l'OFII entre-temps : attente de l'avis");
      return "RECEIVED";
    }
    cases.log(
        cases.caseOf(processInstanceId),
        agent,
        CaseEventKind.CERTIFICATE_FOLLOW_UP,
        value.equals("WAIT")
            ? "Attente du certificat prolongée d'un mois"
            : "Décision sans avis médical");
    return value;
  }

  /**
   * The variables the form « Certificat médical non reçu » shows: the identifiers from the case,
   * and when the applicant opened the certificate's notification ({@code notificationReadAt}, a
   * date only the server sets).
   */
  @Transactional(readOnly = true)
  public Map<String, Object> followUpFormVariables(
      String processInstanceId, Object notificationReadAt) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    Map<String, Object> variables = new HashMap<>();
    variables.put(RenewalProcess.VAR_REQUEST_NUMBER, renewal.getRequestNumber());
    variables.put(RenewalProcess.VAR_APPLICANT_ID, renewal.getApplicantId());
    variables.put("certificateNoticeReadAt", formatted(notificationReadAt));
    return variables;
  }

  /**
   * Tells OFII's process the préfecture closed the case (its medical file is closed, nothing is
   * sent back).
   */
  @Transactional
  public void closeOfiiFile(String requestNumber) {
    runtime
        .createMessageCorrelation(OfiiMedicalOpinionProcess.MESSAGE_CASE_CLOSED)
        .processInstanceBusinessKey(requestNumber)
        .correlateAllWithResult();
  }

  /**
   * Records the outcome the process received: the opinion's answers, or that no certificate
   * arrived.
   */
  @Transactional
  public void recordOutcome(String processInstanceId, Map<String, Object> variables) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    boolean opinion = variables.get("opinionDate") != null;
    MedicalOpinion recorded =
        opinions
            .findById(renewal.getId())
            .orElseGet(
                () ->
                    new MedicalOpinion(
                        renewal.getId(), opinion ? "OPINION" : "NO_CERTIFICATE", clock.instant()));
    recorded.outcome = opinion ? "OPINION" : "NO_CERTIFICATE";
    if (opinion) {
      recorded.careNeeded = bool(variables.get("careNeeded"));
      recorded.exceptionallySeriousConsequences =
          bool(variables.get("exceptionallySeriousConsequences"));
      recorded.effectiveAccessToCare = bool(variables.get("effectiveAccessToCareInOriginCountry"));
      recorded.expectedCareDurationMonths =
          variables.get("expectedCareDurationMonths") instanceof Number n ? n.intValue() : null;
      recorded.fitToTravel = bool(variables.get("fitToTravel"));
      recorded.opinionDate = date(variables.get("opinionDate"));
    }
    opinions.save(recorded);
    cases.log(
        renewal,
        "OFII",
        opinion ? CaseEventKind.OPINION_RECEIVED : CaseEventKind.CERTIFICATE_NOT_RECEIVED,
        opinion
            ? "Avis du collège de médecins du " + recorded.opinionDate.format(Complements.DATE)
            : "Certificat médical non reçu par l'OFII dans le délai");
  }

  @Transactional(readOnly = true)
  Optional<MedicalOpinion> of(UUID caseId) {
    return opinions.findById(caseId);
  }

  static String formatted(Object date) {
    return date instanceof java.util.Date legacy
        ? java.time.ZonedDateTime.ofInstant(legacy.toInstant(), java.time.ZoneId.of("Europe/Paris"))
            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy à HH:mm"))
        : "—";
  }

  static Boolean bool(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return "true".equalsIgnoreCase(text)
        || "YES".equalsIgnoreCase(text)
        || "OUI".equalsIgnoreCase(text);
  }

  static LocalDate date(Object value) {
    return fr.anef.renewal.shared.FormValues.date(value);
  }
}
