package fr.anef.renewal.instruction;

import fr.anef.renewal.filing.CaseStatus;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.filing.RenewalCase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The préfecture's side of the medical phase. The process waits for {@code OfiiOpinion}, which carries
 * only the opinion's answers ({@link #OPINION_VARIABLES}), or {@code MedicalCertificateNotReceived}; this
 * records which, for the decision.
 */
@Service
public class MedicalPhase {

  /** The only medical-side data the préfecture process may hold (arrêtés of 27/12/2016 and 05/01/2017). */
  public static final java.util.List<String> OPINION_VARIABLES = java.util.List.of("careNeeded",
      "exceptionallySeriousConsequences", "effectiveAccessToCareInOriginCountry", "expectedCareDurationMonths",
      "fitToTravel", "opinionDate");

  private final FilingService filing;
  private final MedicalOpinionRepository opinions;
  private final Clock clock;

  MedicalPhase(FilingService filing, MedicalOpinionRepository opinions, Clock clock) {
    this.filing = filing;
    this.opinions = opinions;
    this.clock = clock;
  }

  @Transactional
  public void enter(String processInstanceId) {
    filing.moveTo(processInstanceId, CaseStatus.MEDICAL_INSTRUCTION, "administration",
        "Pièces complètes : dossier transmis au service médical de l'OFII");
  }

  /** Records the outcome the process received: the opinion's answers, or that no certificate arrived. */
  @Transactional
  public void recordOutcome(String processInstanceId, Map<String, Object> variables) {
    RenewalCase renewal = filing.caseOf(processInstanceId);
    boolean opinion = variables.get("opinionDate") != null;
    MedicalOpinion recorded = opinions.findById(renewal.getId())
        .orElseGet(() -> new MedicalOpinion(renewal.getId(), opinion ? "OPINION" : "NO_CERTIFICATE", clock.instant()));
    recorded.outcome = opinion ? "OPINION" : "NO_CERTIFICATE";
    if (opinion) {
      recorded.careNeeded = bool(variables.get("careNeeded"));
      recorded.exceptionallySeriousConsequences = bool(variables.get("exceptionallySeriousConsequences"));
      recorded.effectiveAccessToCare = bool(variables.get("effectiveAccessToCareInOriginCountry"));
      recorded.expectedCareDurationMonths = variables.get("expectedCareDurationMonths") instanceof Number n
          ? n.intValue() : null;
      recorded.fitToTravel = bool(variables.get("fitToTravel"));
      recorded.opinionDate = date(variables.get("opinionDate"));
    }
    opinions.save(recorded);
    filing.log(renewal, "OFII", opinion ? "OPINION_RECEIVED" : "CERTIFICATE_NOT_RECEIVED",
        opinion ? "Avis du collège de médecins du " + recorded.opinionDate.format(Complements.DATE)
            : "Certificat médical non reçu par l'OFII dans le délai");
  }

  @Transactional(readOnly = true)
  Optional<MedicalOpinion> of(UUID caseId) {
    return opinions.findById(caseId);
  }

  static Boolean bool(Object value) {
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  static LocalDate date(Object value) {
    if (value instanceof java.util.Date legacy) {
      return LocalDate.ofInstant(legacy.toInstant(), java.time.ZoneId.of("Europe/Paris"));
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
