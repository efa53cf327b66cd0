package fr.anef.renewal.cases;

import static fr.anef.renewal.cases.CaseStatus.ABANDONED;
import static fr.anef.renewal.cases.CaseStatus.CLOSED_INCOMPLETE;
import static fr.anef.renewal.cases.CaseStatus.COMPLEMENT_REQUESTED;
import static fr.anef.renewal.cases.CaseStatus.DEPOSITED;
import static fr.anef.renewal.cases.CaseStatus.DRAFT;
import static fr.anef.renewal.cases.CaseStatus.FAVOURABLE;
import static fr.anef.renewal.cases.CaseStatus.IMPLICITLY_REJECTED;
import static fr.anef.renewal.cases.CaseStatus.IN_REVIEW;
import static fr.anef.renewal.cases.CaseStatus.MEDICAL_INSTRUCTION;
import static fr.anef.renewal.cases.CaseStatus.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The table of the statuses a case may take, and the case refusing any other change. */
class CaseStatusTests {

  static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  @Test
  @DisplayName("La table des statuts est celle de la procédure, ligne par ligne")
  void tableIsTheProcedures() {
    assertThat(DRAFT.next()).containsExactlyInAnyOrder(DEPOSITED, ABANDONED);
    assertThat(DEPOSITED.next()).containsExactlyInAnyOrder(IN_REVIEW, IMPLICITLY_REJECTED);
    assertThat(IN_REVIEW.next())
        .containsExactlyInAnyOrder(
            IN_REVIEW, COMPLEMENT_REQUESTED, MEDICAL_INSTRUCTION, IMPLICITLY_REJECTED);
    assertThat(COMPLEMENT_REQUESTED.next())
        .containsExactlyInAnyOrder(IN_REVIEW, CLOSED_INCOMPLETE, IMPLICITLY_REJECTED);
    assertThat(MEDICAL_INSTRUCTION.next())
        .containsExactlyInAnyOrder(FAVOURABLE, REFUSED, IMPLICITLY_REJECTED);
    assertThat(IMPLICITLY_REJECTED.next())
        .containsExactlyInAnyOrder(
            IN_REVIEW,
            COMPLEMENT_REQUESTED,
            MEDICAL_INSTRUCTION,
            FAVOURABLE,
            REFUSED,
            CLOSED_INCOMPLETE);
    for (CaseStatus closed : List.of(ABANDONED, FAVOURABLE, REFUSED, CLOSED_INCOMPLETE)) {
      assertThat(closed.next()).as(closed.label()).isEmpty();
    }
  }

  @Test
  @DisplayName("Définitifs : exactement les statuts sans suite (abandon, décisions, clôture)")
  void finalMeansNoNextStatus() {
    Set<CaseStatus> finals = EnumSet.noneOf(CaseStatus.class);
    for (CaseStatus status : CaseStatus.values()) {
      if (status.isFinal()) {
        finals.add(status);
      }
    }
    assertThat(finals).containsExactlyInAnyOrder(ABANDONED, FAVOURABLE, REFUSED, CLOSED_INCOMPLETE);
  }

  @Test
  @DisplayName("Tout statut se rejoint depuis le brouillon, et aucun ne redevient brouillon")
  void everyStatusReachableFromDraftAndNoneBack() {
    Set<CaseStatus> reached = EnumSet.of(DRAFT);
    boolean grew = true;
    while (grew) {
      Set<CaseStatus> next = EnumSet.copyOf(reached);
      reached.forEach(s -> next.addAll(s.next()));
      grew = next.size() > reached.size();
      reached = next;
    }
    assertThat(reached).containsExactlyInAnyOrder(CaseStatus.values());
    for (CaseStatus status : CaseStatus.values()) {
      assertThat(status.allows(DRAFT)).as(status.label()).isFalse();
    }
  }

  @Test
  @DisplayName(
      "Un changement hors de la table est refusé, en français, et la demande ne change pas")
  void caseRefusesAChangeNotInTheTable() {
    RenewalCase renewal =
        new RenewalCase(
            "5903007229", "instance-1", "59", true, "5900001234", LocalDate.of(2027, 3, 1), NOW);
    renewal.deposit("590126000000000000001", NOW, FilingTiming.ON_TIME);
    renewal.moveTo(IN_REVIEW, NOW);
    renewal.moveTo(COMPLEMENT_REQUESTED, NOW);

    assertThatThrownBy(() -> renewal.moveTo(FAVOURABLE, NOW))
        .isInstanceOf(CaseTransitionRefused.class)
        .hasMessage(
            "Changement de statut refusé pour la demande n° 590126000000000000001 : « Complément demandé » ne "
                + "peut pas devenir « Décision favorable » (statuts suivants permis : « En instruction », « Décision "
                + "implicite de rejet », « Clôturée (incomplète) »).");
    assertThat(renewal.getStatus()).isEqualTo(COMPLEMENT_REQUESTED);
    assertThat(renewal.getClosedAt()).isNull();

    renewal.moveTo(CLOSED_INCOMPLETE, NOW);
    assertThat(renewal.getClosedAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> renewal.moveTo(IN_REVIEW, NOW))
        .isInstanceOf(CaseTransitionRefused.class)
        .hasMessageContaining("(statuts suivants permis : aucun)");
  }

  @Test
  @DisplayName("Un brouillon ne se dépose qu'une fois, et un brouillon abandonné ne se dépose plus")
  void depositAndAbandonFollowTheTable() {
    RenewalCase renewal = new RenewalCase("5903007229", "instance-2", "59", true, null, null, NOW);
    renewal.abandon(NOW);
    assertThatThrownBy(() -> renewal.deposit("590126000000000000002", NOW, FilingTiming.ON_TIME))
        .isInstanceOf(CaseTransitionRefused.class);
    assertThat(renewal.getStatus()).isEqualTo(ABANDONED);
  }

  @Test
  @DisplayName("Chaque statut a sa ligne d'historique « Statut : … »")
  void everyStatusHasItsHistoryKind() {
    for (CaseStatus status : CaseStatus.values()) {
      CaseEventKind kind = CaseEventKind.statusChange(status);
      assertThat(kind.status()).isEqualTo(status);
      assertThat(kind.label()).isEqualTo("Statut : " + status.label());
    }
  }
}
