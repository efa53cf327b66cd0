package fr.anef.renewal;

import java.util.ConcurrentModificationException;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process test coverage for {@link ServerTest} and {@link EngineTest}: the library's listener, with
 * its two read-outs (after each test method, after each class) tried again when a job thread was
 * adding an event to the coverage while it was read. On the server context the job executor keeps
 * running between tests, and an engine test may start jobs on threads of its own; the library's
 * event list is not made for a concurrent reader: its read-out failed a passing test with a {@link
 * ConcurrentModificationException} twice in CI (a server test, then an engine test). The read-outs
 * only compute and write the report, so reading again is safe; after {@link #ATTEMPTS} failures the
 * last one is thrown.
 */
public final class ProcessCoverageListener implements TestExecutionListener, Ordered {

  static final int ATTEMPTS = 20;

  private final ProcessEngineCoverageTestExecutionListener coverage =
      new ProcessEngineCoverageTestExecutionListener();

  @Override
  public int getOrder() {
    return coverage.getOrder();
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    coverage.beforeTestClass(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    coverage.beforeTestMethod(testContext);
  }

  @Override
  public void afterTestMethod(TestContext testContext) throws InterruptedException {
    readAgainWhileChanging(() -> coverage.afterTestMethod(testContext));
  }

  @Override
  public void afterTestClass(TestContext testContext) throws InterruptedException {
    readAgainWhileChanging(() -> coverage.afterTestClass(testContext));
  }

  static void readAgainWhileChanging(Runnable readOut) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        readOut.run();
        return;
      } catch (ConcurrentModificationException changing) {
        if (attempt == ATTEMPTS) {
          throw changing;
        }
        Thread.sleep(50);
      }
    }
  }
}
