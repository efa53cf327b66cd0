package fr.anef.renewal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import fr.anef.renewal.JpaSliceTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The case kernel's queries on a real database, without the engine (its one use here, Cockpit's
 * status variable, is mocked): the stage dates the managers' figures read (ADR 0026) and the
 * counter's drafts of one préfecture.
 */
@JpaSliceTest
@Import(Cases.class)
class CasesJpaTests {

  static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");

  @Autowired Cases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestEntityManager entities;
  @MockitoBean RuntimeService runtime;
  @MockitoBean Clock clock;

  @Test
  @DisplayName(
      "Les dates des étapes mesurées sont écrites sur la demande quand l'étape a lieu, la première gardée")
  void stageDatesAreStoredOnTheCaseWhenTheyHappen() {
    RenewalCase renewal = cases.save(draft("59", "5903007229"));
    renewal.deposit("59-2026-000001", MONDAY, FilingTiming.ON_TIME);
    cases.save(renewal);
    assertThat(stageDates(renewal.getId())).containsExactly(null, null);

    when(clock.instant()).thenReturn(MONDAY);
    cases.log(renewal, "agent.lille", CaseEventKind.DOCUMENTS_REVIEWED, "Examen n° 1");
    when(clock.instant()).thenReturn(TUESDAY);
    cases.log(renewal, "agent.lille", CaseEventKind.DOCUMENTS_REVIEWED, "Examen n° 2");
    cases.log(renewal, "agent.lille", CaseEventKind.NOTIFICATION_SENT, "Demande de complément");
    assertThat(stageDates(renewal.getId())).containsExactly(MONDAY, null);

    cases.moveTo(
        renewal.getProcessInstanceId(),
        CaseStatus.IN_REVIEW,
        "agent.lille",
        "Examen des pièces justificatives");
    cases.moveTo(
        renewal.getProcessInstanceId(),
        CaseStatus.MEDICAL_INSTRUCTION,
        "agent.lille",
        "Saisine de l'OFII");
    assertThat(stageDates(renewal.getId())).containsExactly(MONDAY, TUESDAY);
    assertThat(cases.history(renewal.getId()))
        .extracting(CaseEvent::getKind)
        .containsExactly(
            CaseEventKind.DOCUMENTS_REVIEWED,
            CaseEventKind.DOCUMENTS_REVIEWED,
            CaseEventKind.NOTIFICATION_SENT,
            CaseEventKind.STATUS_IN_REVIEW,
            CaseEventKind.STATUS_MEDICAL_INSTRUCTION);
  }

  @Test
  @DisplayName(
      "Les brouillons du guichet d'une préfecture : ouverts par un agent, encore en brouillon, de ce département seulement")
  void counterDraftsOfOnePrefecture() {
    RenewalCase lille = draft("59", "5903007268");
    lille.openedAtCounterBy("agent.lille");
    RenewalCase paris = draft("75", "7503004417");
    paris.openedAtCounterBy("agent.paris");
    RenewalCase online = draft("59", "5903007229");
    RenewalCase filed = draft("59", "5903007250");
    filed.openedAtCounterBy("agent.lille");
    filed.deposit("59-2026-000002", MONDAY, FilingTiming.ON_TIME);
    List.of(lille, paris, online, filed).forEach(cases::save);

    assertThat(cases.counterDrafts("59"))
        .extracting(RenewalCase::getId)
        .contains(lille.getId())
        .doesNotContain(paris.getId(), online.getId(), filed.getId());
    assertThat(cases.counterDrafts("75"))
        .extracting(RenewalCase::getId)
        .contains(paris.getId())
        .doesNotContain(lille.getId());
  }

  private static RenewalCase draft(String department, String applicant) {
    return new RenewalCase(
        applicant, "pi-" + UUID.randomUUID(), department, true, null, null, MONDAY);
  }

  /** The stage dates as stored, after what the persistence context holds is written. */
  private List<Instant> stageDates(UUID id) {
    entities.flush();
    return jdbc.query(
            "select first_reviewed_at, medical_started_at from renewal_case where id = ?",
            (rs, n) ->
                java.util.Arrays.asList(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))),
            id)
        .get(0);
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
