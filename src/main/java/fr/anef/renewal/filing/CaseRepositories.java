package fr.anef.renewal.filing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalCaseRepository extends JpaRepository<RenewalCase, UUID> {

  Optional<RenewalCase> findByProcessInstanceId(String processInstanceId);

  Optional<RenewalCase> findByRequestNumber(String requestNumber);

  List<RenewalCase> findByApplicantIdOrderByCreatedAtDesc(String applicantId);

  List<RenewalCase> findByApplicantIdAndStatusIn(String applicantId, Collection<CaseStatus> statuses);

  List<RenewalCase> findByCounterAgentIdIsNotNullAndStatusAndDepartment(CaseStatus status, String department);

  /** Filed cases not decided nor closed (their préfecture's scope is checked at start-up). */
  List<RenewalCase> findByStatusIn(Collection<CaseStatus> statuses);
}

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

  List<CaseEvent> findByCaseIdOrderByOccurredAtAsc(UUID caseId);
}
