package fr.anef.renewal.cases.internal;

import fr.anef.renewal.cases.CaseEvent;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The cases' history ({@code case_event}): for {@link fr.anef.renewal.cases.Cases} only. */
public interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

  List<CaseEvent> findByCaseIdOrderByOccurredAtAsc(UUID caseId);
}
