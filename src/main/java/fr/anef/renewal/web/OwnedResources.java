package fr.anef.renewal.web;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.IssuedDocument;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.ActorGroups;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds a case's file or issued document only for its applicant or an agent of the case's
 * préfecture (a filed case, or a draft the agents fill at the counter); for anybody else it does
 * not exist (404, so that ids cannot be probed).
 */
@Component
class OwnedResources {

  static final String AGENTS = ActorGroups.PREFECTURE_AGENTS;

  private final Cases cases;
  private final DocumentService documents;

  OwnedResources(Cases cases, DocumentService documents) {
    this.cases = cases;
    this.documents = documents;
  }

  DocumentFile file(AppUser user, UUID id) {
    return documents
        .file(id)
        .filter(f -> mayRead(user, f.getCaseId()))
        .orElseThrow(OwnedResources::notFound);
  }

  IssuedDocument issued(AppUser user, UUID id) {
    return documents
        .issuedDocument(id)
        .filter(d -> mayRead(user, d.getCaseId()))
        .orElseThrow(OwnedResources::notFound);
  }

  private boolean mayRead(AppUser user, UUID caseId) {
    RenewalCase renewal = cases.byId(caseId).orElse(null);
    return renewal != null
        && (renewal.getApplicantId().equals(user.id())
            || inScope(user, renewal)
                && (renewal.getRequestNumber() != null || renewal.filedAtCounter()));
  }

  /**
   * Whether an agent may see this case: an agent of its préfecture (scope group {@code
   * prefecture-<dept>}, ADR 0016). An agent of another préfecture, or of none, gets nothing of it.
   */
  static boolean inScope(AppUser user, RenewalCase renewal) {
    return user.isIn(AGENTS)
        && renewal.getDepartment() != null
        && AgentScopes.departmentOf(user.groups())
            .filter(renewal.getDepartment()::equals)
            .isPresent();
  }

  static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Document introuvable.");
  }
}
