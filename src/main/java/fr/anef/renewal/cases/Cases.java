package fr.anef.renewal.cases;

import fr.anef.renewal.cases.internal.CaseEventRepository;
import fr.anef.renewal.cases.internal.RenewalCaseRepository;
import fr.anef.renewal.processes.RenewalProcess;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case kernel every capability uses: finding a case (by its instance, its N°, its id, its
 * applicant), its history (who did what, {@link CaseEventKind}) and its status changes (the table
 * of {@link CaseStatus}, the history line and Cockpit's variable {@code caseStatus} together).
 */
@Service
public class Cases {

  private final RenewalCaseRepository cases;
  private final CaseEventRepository events;
  private final RuntimeService runtime;
  private final Clock clock;
  @PersistenceContext private EntityManager entityManager;

  Cases(
      RenewalCaseRepository cases,
      CaseEventRepository events,
      RuntimeService runtime,
      Clock clock) {
    this.cases = cases;
    this.events = events;
    this.runtime = runtime;
    this.clock = clock;
  }

  // ---- Lookups

  /** The case of a process instance of the renewal (its draft or its filed request). */
  @Transactional(readOnly = true)
  public RenewalCase caseOf(String processInstanceId) {
    return byProcessInstance(processInstanceId)
        .orElseThrow(
            () -> new IllegalStateException("Aucune demande pour l'instance " + processInstanceId));
  }

  /** The case of a process instance, if it has one (an instance of another process has none). */
  @Transactional(readOnly = true)
  public Optional<RenewalCase> byProcessInstance(String processInstanceId) {
    // By natural id: the load plan is built once, and a case already read in this transaction (a
    // listener, then the service it calls, then the next listener) is not read again.
    return entityManager
        .unwrap(Session.class)
        .bySimpleNaturalId(RenewalCase.class)
        .loadOptional(processInstanceId);
  }

  @Transactional(readOnly = true)
  public Optional<RenewalCase> byId(UUID caseId) {
    return cases.findById(caseId);
  }

  @Transactional(readOnly = true)
  public Optional<RenewalCase> byRequestNumber(String requestNumber) {
    return cases.findByRequestNumber(requestNumber);
  }

  /** Every case of a person, newest first. */
  @Transactional(readOnly = true)
  public List<RenewalCase> casesOf(String applicantId) {
    return cases.findByApplicantIdOrderByCreatedAtDesc(applicantId);
  }

  /** The person's draft (« Brouillon »), if any. */
  @Transactional(readOnly = true)
  public Optional<RenewalCase> currentDraft(String applicantId) {
    return cases.findByApplicantIdAndStatusIn(applicantId, List.of(CaseStatus.DRAFT)).stream()
        .findFirst();
  }

  /**
   * The person's renewal that is not finished yet (a draft, or a filed case without a decision or
   * closure), if any: a person has one open renewal at a time, online or at the counter.
   */
  @Transactional(readOnly = true)
  public Optional<RenewalCase> openCase(String applicantId) {
    return casesOf(applicantId).stream().filter(c -> !c.getStatus().isFinal()).findFirst();
  }

  /** The drafts being filled at the counter of one préfecture. */
  @Transactional(readOnly = true)
  public List<RenewalCase> counterDrafts(String department) {
    return cases.findByCounterAgentIdIsNotNullAndStatusAndDepartment(CaseStatus.DRAFT, department);
  }

  @Transactional(readOnly = true)
  public List<RenewalCase> inStatus(Collection<CaseStatus> statuses) {
    return cases.findByStatusIn(statuses);
  }

  /** Stores a new draft, or a change of the draft's or the case's fields. */
  @Transactional
  public RenewalCase save(RenewalCase renewalCase) {
    return cases.save(renewalCase);
  }

  // ---- History

  @Transactional(readOnly = true)
  public List<CaseEvent> history(UUID caseId) {
    return events.findByCaseIdOrderByOccurredAtAsc(caseId);
  }

  /** Records one line of the case's history: who did what. */
  @Transactional
  public void log(RenewalCase renewalCase, String actor, CaseEventKind kind, String detail) {
    CaseEvent event =
        events.save(new CaseEvent(renewalCase.getId(), clock.instant(), actor, null, kind, detail));
    switch (kind) { // the stages the managers' figures measure, on the case itself (ADR 0026)
      case DOCUMENTS_REVIEWED -> cases.firstReviewed(renewalCase.getId(), event.getOccurredAt());
      case STATUS_MEDICAL_INSTRUCTION ->
          cases.medicalStarted(renewalCase.getId(), event.getOccurredAt());
      default -> {}
    }
  }

  /**
   * Records an act of the applicant's: done by the applicant, or by an agent for them (the counter
   * route), in which case the line names both.
   */
  @Transactional
  public void logFor(RenewalCase renewalCase, String actor, CaseEventKind kind, String detail) {
    String onBehalfOf =
        actor.equals(renewalCase.getApplicantId()) ? null : renewalCase.getApplicantId();
    events.save(
        new CaseEvent(renewalCase.getId(), clock.instant(), actor, onBehalfOf, kind, detail));
  }

  // ---- Status

  /**
   * Moves a case to a new status, if {@link CaseStatus}'s table allows it: the case, its history,
   * and the process variable {@code caseStatus} that Cockpit filters on.
   *
   * @throws CaseTransitionRefused when the table does not allow the change (the transaction rolls
   *     back)
   */
  @Transactional
  public RenewalCase moveTo(
      String processInstanceId, CaseStatus next, String actor, String detail) {
    RenewalCase renewalCase = caseOf(processInstanceId);
    renewalCase.moveTo(next, clock.instant());
    cases.save(renewalCase);
    log(renewalCase, actor, CaseEventKind.statusChange(next), detail);
    runtime.setVariable(processInstanceId, RenewalProcess.VAR_CASE_STATUS, next.code());
    return renewalCase;
  }
}
