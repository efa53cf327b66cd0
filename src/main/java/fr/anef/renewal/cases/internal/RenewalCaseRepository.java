package fr.anef.renewal.cases.internal;

import fr.anef.renewal.cases.CaseEvent;
import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.cases.RenewalCase;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The cases' table ({@code renewal_case}): for {@link fr.anef.renewal.cases.Cases} only. */
public interface RenewalCaseRepository extends JpaRepository<RenewalCase, UUID> {

  Optional<RenewalCase> findByProcessInstanceId(String processInstanceId);

  Optional<RenewalCase> findByRequestNumber(String requestNumber);

  List<RenewalCase> findByApplicantIdOrderByCreatedAtDesc(String applicantId);

  List<RenewalCase> findByApplicantIdAndStatusIn(String applicantId, Collection<CaseStatus> statuses);

  List<RenewalCase> findByCounterAgentIdIsNotNullAndStatusAndDepartment(CaseStatus status, String department);

  /** Filed cases not decided nor closed (their préfecture's scope is checked at start-up). */
  List<RenewalCase> findByStatusIn(Collection<CaseStatus> statuses);
}
