package fr.anef.renewal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst deploys a new version of « required-documents » from the Modeler: step 3 follows, no
 * code change.
 */
@EngineTest
class AnalystChangesDecisionTests {

  @Autowired RepositoryService repository;
  @Autowired RequiredDocuments requiredDocuments;

  @Test
  @DisplayName(
      "Une nouvelle version du DMN déployée change les justificatifs demandés, sans changer le code")
  void newDecisionVersionApplies() throws Exception {
    assertThat(requiredDocuments.forSituation("OWN", true))
        .extracting(DocumentRequirement::code)
        .doesNotContain("IDENTITY");
    String dmn;
    try (InputStream model = getClass().getResourceAsStream("/processes/required-documents.dmn")) {
      dmn = new String(model.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The analyst's change: the birth certificate is now asked of holders of a titre too.
    String changed = dmn.replace("<text>false</text>", "<text></text>");
    Deployment deployment =
        repository
            .createDeployment()
            .name("analyste")
            .addString("required-documents.dmn", changed)
            .deploy();
    try {
      assertThat(requiredDocuments.forSituation("OWN", true))
          .extracting(DocumentRequirement::code)
          .contains("IDENTITY", "REGULAR_ENTRY");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(requiredDocuments.forSituation("OWN", true))
        .extracting(DocumentRequirement::code)
        .doesNotContain("IDENTITY");
  }
}
