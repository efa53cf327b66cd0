package fr.anef.renewal.web;

import fr.anef.renewal.filing.CaseEvent;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.filing.RenewalCase;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.account.AccountService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A case's history in plain French: what happened when and who did it. The applicant sees
 * « Vous » or « L'administration »; agents see the user ids.
 */
@Component
class CaseHistory {

  record Line(Instant at, String who, String what, String detail) {}

  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("DRAFT_OPENED", "Demande commencée"),
      Map.entry("STEP_SAVED", "Étape enregistrée"),
      Map.entry("FILES_ATTACHED", "Justificatifs joints"),
      Map.entry("FILE_REMOVED", "Justificatif retiré"),
      Map.entry("ABANDONED", "Demande abandonnée"),
      Map.entry("DEPOSITED", "Demande déposée"),
      Map.entry("RECEIPT_ISSUED", "Attestation de dépôt délivrée"),
      Map.entry("NOTIFICATION_SENT", "Notification envoyée"),
      Map.entry("NOTIFICATION_READ", "Notification lue"),
      Map.entry("DOCUMENTS_REVIEWED", "Justificatifs examinés"),
      Map.entry("COMPLEMENT_ANSWERED", "Complément envoyé"),
      Map.entry("OPINION_RECEIVED", "Avis médical de l'OFII reçu"),
      Map.entry("CERTIFICATE_NOT_RECEIVED", "Certificat médical non reçu par l'OFII"));

  private final FilingService filing;
  private final AccountService accounts;

  CaseHistory(FilingService filing, AccountService accounts) {
    this.filing = filing;
    this.accounts = accounts;
  }

  static final String COUNTER_FOR_YOU = "Un agent de la préfecture, pour vous, au guichet";

  List<Line> forApplicant(AppUser user, UUID caseId) {
    RenewalCase renewal = filing.byId(caseId).filter(c -> c.getApplicantId().equals(user.id()))
        .orElseThrow(OwnedResources::notFound);
    return withCounterAccount(renewal, request -> COUNTER_FOR_YOU, filing.history(renewal.getId()).stream()
        .map(e -> line(e, e.getActor().equals(user.id()) ? "Vous"
            : user.id().equals(e.getOnBehalfOf()) ? COUNTER_FOR_YOU : "L'administration")).toList());
  }

  List<Line> forAgent(RenewalCase renewal) {
    return withCounterAccount(renewal, request -> atCounter(request.agentId(), renewal.getApplicantId()),
        filing.history(renewal.getId()).stream().map(e -> line(e, e.getOnBehalfOf() == null ? e.getActor()
            : atCounter(e.getActor(), e.getOnBehalfOf()))).toList());
  }

  private static String atCounter(String agentId, String applicantId) {
    return agentId + " pour " + applicantId + " (guichet)";
  }

  /** An account asked for at the counter belongs to the story of the person's case, in time order. */
  private List<Line> withCounterAccount(RenewalCase renewal, Function<AccountService.CounterRequest, String> who,
      List<Line> lines) {
    List<Line> all = new ArrayList<>(lines);
    accounts.counterRequests(renewal.getApplicantId()).forEach(request -> all.add(new Line(request.at(), who.apply(request),
        "Création du compte demandée au guichet", "Lien de confirmation envoyé par email")));
    all.sort(Comparator.comparing(Line::at));
    return all;
  }

  private static Line line(CaseEvent event, String who) {
    String what = event.getKind().startsWith("STATUS_") ? "Statut : " + statusLabel(event.getKind())
        : LABELS.getOrDefault(event.getKind(), event.getKind());
    return new Line(event.getOccurredAt(), who, what, event.getDetail());
  }

  private static String statusLabel(String kind) {
    try {
      return fr.anef.renewal.filing.CaseStatus.valueOf(kind.substring("STATUS_".length())).label();
    } catch (IllegalArgumentException e) {
      return kind;
    }
  }
}
