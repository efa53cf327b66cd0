package fr.anef.renewal.cases.internal;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.RenewalCase;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The cases' table ({@code renewal_case}): for {@link fr.anef.renewal.cases.Cases} only. */
public interface RenewalCaseRepository extends JpaRepository<RenewalCase, UUID> {

  /**
   * Stage dates the managers' figures read (ADR 0026): written once, when the stage first happens;
   * not mapped.
   */
  @Modifying
  @Query(
      value =
          "update renewal_case set first_reviewed_at = :at where id = :id and first_reviewed_at is null",
      nativeQuery = true)
  int firstReviewed(@Param("id") UUID id, @Param("at") java.time.Instant at);

  @Modifying
  @Query(
      value =
          "update renewal_case set medical_started_at = :at where id = :id and medical_started_at is null",
      nativeQuery = true)
  int medicalStarted(@Param("id") UUID id, @Param("at") java.time.Instant at);

  Optional<RenewalCase> findByRequestNumber(String requestNumber);

  List<RenewalCase> findByApplicantIdOrderByCreatedAtDesc(String applicantId);

  List<RenewalCase> findByApplicantIdAndStatusIn(
      String applicantId, Collection<CaseStatus> statuses);

  List<RenewalCase> findByCounterAgentIdIsNotNullAndStatusAndDepartment(
      CaseStatus status, String department);

  /** Filed cases not decided nor closed (their préfecture's scope is checked at start-up). */
  List<RenewalCase> findByStatusIn(Collection<CaseStatus> statuses);
}
