package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coverage run the engine writes to may be read while a job thread writes it. */
@EngineTest
class ProcessCoverageRunTests {

  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  @DisplayName(
      "Pendant un test, la couverture que le moteur alimente est une liste lisible pendant qu'on y ajoute")
  void theActiveRunIsReadableWhileWritten() throws Exception {
    ElementCoverageParseListener listener =
        configuration.getCustomPostBPMNParseListeners().stream()
            .filter(ElementCoverageParseListener.class::isInstance)
            .map(ElementCoverageParseListener.class::cast)
            .findFirst()
            .orElseThrow();
    Field state = ElementCoverageParseListener.class.getDeclaredField("coverageState");
    state.setAccessible(true);
    Run run = ((DefaultCollector) state.get(listener)).getActiveRun();
    Field events = Run.class.getDeclaredField("events");
    events.setAccessible(true);

    assertThat(events.get(run)).isInstanceOf(CopyOnWriteArrayList.class);
  }
}
