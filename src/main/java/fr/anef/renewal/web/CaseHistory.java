package fr.anef.renewal.web;

import fr.anef.renewal.account.AccountService;
import fr.anef.renewal.cases.CaseEvent;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.security.AppUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A case's history in plain French: what happened when and who did it. The applicant sees « Vous »
 * or « L'administration »; agents see the user ids.
 */
@Component
class CaseHistory {

  record Line(Instant at, String who, String what, String detail) {}

  private final Cases cases;
  private final AccountService accounts;

  CaseHistory(Cases cases, AccountService accounts) {
    this.cases = cases;
    this.accounts = accounts;
  }

  static final String COUNTER_FOR_YOU = "Un agent de la préfecture, pour vous, au guichet";

  List<Line> forApplicant(AppUser user, UUID caseId) {
    RenewalCase renewal =
        cases
            .byId(caseId)
            .filter(c -> c.getApplicantId().equals(user.id()))
            .orElseThrow(OwnedResources::notFound);
    return withCounterAccount(
        renewal,
        request -> COUNTER_FOR_YOU,
        cases.history(renewal.getId()).stream()
            .map(
                e ->
                    line(
                        e,
                        e.getActor().equals(user.id())
                            ? "Vous"
                            : user.id().equals(e.getOnBehalfOf())
                                ? COUNTER_FOR_YOU
                                : "L'administration"))
            .toList());
  }

  List<Line> forAgent(RenewalCase renewal) {
    return withCounterAccount(
        renewal,
        request -> atCounter(request.agentId(), renewal.getApplicantId()),
        cases.history(renewal.getId()).stream()
            .map(
                e ->
                    line(
                        e,
                        e.getOnBehalfOf() == null
                            ? e.getActor()
                            : atCounter(e.getActor(), e.getOnBehalfOf())))
            .toList());
  }

  private static String atCounter(String agentId, String applicantId) {
    return agentId + " pour " + applicantId + " (guichet)";
  }

  /**
   * An account asked for at the counter belongs to the story of the person's case, in time order.
   */
  private List<Line> withCounterAccount(
      RenewalCase renewal, Function<AccountService.CounterRequest, String> who, List<Line> lines) {
    List<Line> all = new ArrayList<>(lines);
    accounts
        .counterRequests(renewal.getApplicantId())
        .forEach(
            request ->
                all.add(
                    new Line(
                        request.at(),
                        who.apply(request),
                        "Création du compte demandée au guichet",
                        "Lien de confirmation envoyé par email")));
    all.sort(Comparator.comparing(Line::at));
    return all;
  }

  private static Line line(CaseEvent event, String who) {
    return new Line(event.getOccurredAt(), who, event.getKind().label(), event.getDetail());
  }
}
