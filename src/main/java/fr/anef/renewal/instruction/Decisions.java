package fr.anef.renewal.instruction;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.pdf.ApplicantIdentity;
import fr.anef.renewal.pdf.FavourableDecision;
import fr.anef.renewal.pdf.PdfRenderer;
import fr.anef.renewal.pdf.RefusalDecision;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Décider de la demande »: the préfet's decision after the opinion (or without a certificate),
 * then its notification with the « ATTESTATION DE DÉCISION FAVORABLE » or the reasoned refusal.
 */
@Service
public class Decisions {

  static final String FAVOURABLE = "FAVOURABLE";
  static final String REFUSAL = "REFUSAL";
  static final int DEFAULT_MONTHS = 12;
  static final int MAX_MONTHS = 48;

  private final Cases cases;
  private final MedicalPhase medical;
  private final DecisionRepository decisions;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final CaseNotices notices;
  private final Clock clock;
  private final String prefectureName;

  Decisions(
      Cases cases,
      MedicalPhase medical,
      DecisionRepository decisions,
      DocumentService documents,
      PdfRenderer pdf,
      CaseNotices notices,
      Clock clock,
      @Value("${anef.prefecture.name:Préfecture du Nord}") String prefectureName) {
    this.cases = cases;
    this.medical = medical;
    this.decisions = decisions;
    this.documents = documents;
    this.pdf = pdf;
    this.notices = notices;
    this.clock = clock;
    this.prefectureName = prefectureName;
  }

  /** The decision form's variables: the opinion in words, the card's validity prefilled from it. */
  @Transactional(readOnly = true)
  public Map<String, Object> prepare(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    MedicalOpinion opinion = medical.of(renewal.getId()).orElse(null);
    LocalDate from = cardStart(renewal);
    int months =
        opinion != null
                && opinion.expectedCareDurationMonths != null
                && opinion.expectedCareDurationMonths > 0
            ? Math.min(opinion.expectedCareDurationMonths, MAX_MONTHS)
            : DEFAULT_MONTHS;
    Map<String, Object> variables = new HashMap<>();
    variables.put("opinionSummary", summary(opinion));
    variables.put(RenewalProcess.VAR_REQUEST_NUMBER, renewal.getRequestNumber());
    variables.put(RenewalProcess.VAR_APPLICANT_ID, renewal.getApplicantId());
    variables.put("caseStatusLabel", renewal.getStatus().label());
    variables.put(
        "titleValidUntil",
        renewal.getTitleValidUntil() == null
            ? "—"
            : renewal.getTitleValidUntil().format(Complements.DATE));
    variables.put("cardValidFrom", from.toString());
    variables.put("cardValidUntil", from.plusMonths(months).minusDays(1).toString());
    variables.put("decision", null);
    variables.put("refusalReason", null);
    return variables;
  }

  private LocalDate cardStart(RenewalCase renewal) {
    LocalDate today = LocalDate.now(clock);
    LocalDate afterTitle =
        renewal.getTitleValidUntil() == null ? today : renewal.getTitleValidUntil().plusDays(1);
    return afterTitle.isAfter(today) ? afterTitle : today;
  }

  static String summary(MedicalOpinion opinion) {
    if (opinion == null || "NO_CERTIFICATE".equals(opinion.outcome)) {
      return "Aucun certificat médical n'a été reçu par l'OFII dans le délai d'un mois : il n'y a pas d'avis du collège.";
    }
    return "Avis du collège de médecins de l'OFII rendu le "
        + opinion.opinionDate.format(Complements.DATE)
        + " :\n"
        + "• L'état de santé nécessite une prise en charge médicale : "
        + yesNo(opinion.careNeeded)
        + "\n"
        + "• Le défaut de prise en charge peut entraîner des conséquences d'une exceptionnelle gravité : "
        + yesNo(opinion.exceptionallySeriousConsequences)
        + "\n"
        + "• Accès effectif à un traitement approprié dans le pays d'origine : "
        + yesNo(opinion.effectiveAccessToCare)
        + "\n"
        + "• Durée prévisible des soins : "
        + (opinion.expectedCareDurationMonths == null
            ? "non précisée"
            : opinion.expectedCareDurationMonths + " mois")
        + "\n"
        + "• L'état de santé permet de voyager sans risque : "
        + yesNo(opinion.fitToTravel);
  }

  private static String yesNo(Boolean value) {
    return value == null ? "non précisé" : value ? "oui" : "non";
  }

  /**
   * Records the decision; refuses an incomplete or inconsistent one with French messages.
   *
   * @return FAVOURABLE or REFUSAL, the instruction's outcome
   */
  @Transactional
  public String record(String processInstanceId, InstructionForms.DecisionForm form, String agent) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    String kind = form.decision();
    List<String> errors = new ArrayList<>();
    Decision decision = new Decision(renewal.getId(), kind, clock.instant(), agent);
    LocalDate today = LocalDate.now(clock);
    if (FAVOURABLE.equals(kind)) {
      decision.cardValidFrom =
          date(form.cardValidFrom(), "La date de début de validité de la carte", errors);
      decision.cardValidUntil =
          date(form.cardValidUntil(), "La date de fin de validité de la carte", errors);
      if (decision.cardValidFrom != null && decision.cardValidFrom.isBefore(today)) {
        errors.add(
            "La validité de la carte ne peut pas commencer avant la date de la décision ("
                + today.format(Complements.DATE)
                + ").");
      } else if (decision.cardValidFrom != null && decision.cardValidUntil != null) {
        if (!decision.cardValidUntil.isAfter(decision.cardValidFrom)) {
          errors.add("La fin de validité de la carte doit être postérieure à son début.");
        } else if (decision.cardValidUntil.isAfter(
            decision.cardValidFrom.plusMonths(MAX_MONTHS).minusDays(1))) {
          errors.add("La carte ne peut pas être valable plus de 4 ans.");
        }
      }
    } else if (REFUSAL.equals(kind)) {
      String reason = form.refusalReason() == null ? "" : form.refusalReason();
      if (reason.length() < 20) {
        errors.add(
            "Les motifs du refus sont obligatoires (20 caractères au moins) : ils figurent sur la décision notifiée.");
      } else if (reason.length() > 4000) {
        errors.add("Les motifs du refus ne doivent pas dépasser 4000 caractères.");
      }
      decision.refusalReason = reason;
    } else {
      errors.add("Choisissez « Décision favorable » ou « Refus de titre de séjour ».");
    }
    Refusal.unless(errors);
    decisions.save(decision);
    medical.closeOfiiFile(renewal.getRequestNumber());
    cases.moveTo(
        processInstanceId,
        FAVOURABLE.equals(kind) ? CaseStatus.FAVOURABLE : CaseStatus.REFUSED,
        agent,
        FAVOURABLE.equals(kind)
            ? "Décision favorable : carte du "
                + decision.cardValidFrom.format(Complements.DATE)
                + " au "
                + decision.cardValidUntil.format(Complements.DATE)
            : "Refus de titre de séjour");
    return kind;
  }

  private static LocalDate date(String value, String label, List<String> errors) {
    if (value == null) {
      errors.add(label + " est obligatoire.");
      return null;
    }
    try {
      return MedicalPhase.date(value);
    } catch (DateTimeParseException e) {
      errors.add(
          label
              + " n'est pas une date valide (JJ/MM/AAAA) : vérifiez le jour, le mois et l'année.");
      return null;
    }
  }

  /** « Notification de décision » with the « ATTESTATION DE DÉCISION FAVORABLE ». */
  @Transactional
  public IssuedDocument notifyFavourable(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    Decision decision = decisions.findById(renewal.getId()).orElseThrow();
    LocalDate decisionDate = LocalDate.ofInstant(decision.decidedAt, clock.getZone());
    IssuedDocument attestation =
        documents.issue(
            renewal.getId(),
            "favourable-decision:" + renewal.getId(),
            "FAVOURABLE_DECISION",
            "attestation-decision-favorable-" + renewal.getRequestNumber() + ".pdf",
            () ->
                pdf.favourableDecision(
                    new FavourableDecision(
                        identity(renewal),
                        renewal.getRequestNumber(),
                        decisionDate,
                        decision.cardValidFrom,
                        decision.cardValidUntil)));
    notifyDecision(
        renewal,
        " a été acceptée. Un nouveau titre de séjour est en cours de fabrication et "
            + "vous sera prochainement remis.\n\nDans l'attente de cette remise, vous trouverez en pièce jointe "
            + "l'attestation de décision favorable qui vous permettra de justifier votre droit au séjour et de maintenir "
            + "vos droits associés dans l'attente de la remise de votre nouveau titre en préfecture.\n\nL'administration "
            + "vous recontactera pour que vous veniez retirer ce titre en préfecture, et vous précisera le montant de la "
            + "taxe à acquitter.",
        attestation.getId());
    return attestation;
  }

  /**
   * « Notification de décision » with the reasoned refusal and the means and time limits of appeal.
   */
  @Transactional
  public IssuedDocument notifyRefusal(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    Decision decision = decisions.findById(renewal.getId()).orElseThrow();
    LocalDate decisionDate = LocalDate.ofInstant(decision.decidedAt, clock.getZone());
    LocalDate opinionDate = medical.of(renewal.getId()).map(o -> o.opinionDate).orElse(null);
    IssuedDocument refusal =
        documents.issue(
            renewal.getId(),
            "refusal-decision:" + renewal.getId(),
            "REFUSAL_DECISION",
            "decision-de-refus-" + renewal.getRequestNumber() + ".pdf",
            () ->
                pdf.refusalDecision(
                    new RefusalDecision(
                        identity(renewal),
                        renewal.getRequestNumber(),
                        LocalDate.ofInstant(renewal.getDepositedAt(), clock.getZone()),
                        decisionDate,
                        prefectureName,
                        opinionDate,
                        decision.refusalReason)));
    notifyDecision(
        renewal,
        " a fait l'objet d'une décision de refus.\n\nVous trouverez ci-dessous la "
            + "décision motivée. Elle indique les voies et délais de recours dont vous disposez.",
        refusal.getId());
    return refusal;
  }

  /** « Notification de décision »: one key per case, the same opening, the outcome's sentences. */
  private void notifyDecision(RenewalCase renewal, String outcome, UUID documentId) {
    notices.publish(
        renewal,
        "decision:" + renewal.getId(),
        "DECISION",
        "Notification de décision",
        notices.greeting(renewal)
            + "\n\nJe vous informe que votre demande en ligne de titre de séjour n° "
            + renewal.getRequestNumber()
            + outcome
            + CaseNotices.SIGNATURE,
        documentId);
  }

  ApplicantIdentity identity(RenewalCase renewal) {
    return identity(notices.person(renewal));
  }

  static ApplicantIdentity identity(RegisteredPerson person) {
    return fr.anef.renewal.filing.DepositReceipts.identity(person);
  }
}
