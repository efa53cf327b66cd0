package fr.anef.renewal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one application context of the tests that drive the engine and the services in-process (no
 * web server, MockMvc for the pages, jobs driven by the tests). Every such class carries exactly
 * this annotation and nothing else that changes the context, so that they all share one cached
 * context (README « Tests », ADR 0033). Process test coverage is recorded for each class
 * (target/process-test-coverage/).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(EngineTest.DATABASE)
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(
    listeners = ProcessCoverageListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface EngineTest {

  /**
   * The JUnit tag of every class that starts the application on a database (the PostgreSQL phase
   * runs these).
   */
  String DATABASE = "base";
}
