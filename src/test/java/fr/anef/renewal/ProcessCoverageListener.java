package fr.anef.renewal;

import java.lang.reflect.Field;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
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
 *
 * <p>The library also registers its own listener by default ({@code META-INF/spring.factories}),
 * which this one cannot remove nor wrap, and the engine sends its events to the collector of the
 * listener that started last: the library's read-out failed a passing test again (CI, 2 December
 * 2026). So the run the engine is writing to also gets a list that may be read while it is written
 * ({@link #concurrentRun}): a read-out then never fails, whichever listener does it.
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

  /** After every listener's {@code beforeTestMethod}: the runs of this test method exist. */
  @Override
  public void beforeTestExecution(TestContext testContext) {
    concurrentRun(testContext);
  }

  @Override
  public void afterTestMethod(TestContext testContext) throws InterruptedException {
    readAgainWhileChanging(() -> coverage.afterTestMethod(testContext));
  }

  /**
   * Gives the run the engine's coverage listener is writing to a copy-on-write list of events, so
   * that a read-out iterating it while a job thread adds an event does not fail.
   */
  static void concurrentRun(TestContext testContext) {
    var context = testContext.getApplicationContext();
    if (context.getBeanNamesForType(ProcessEngineConfigurationImpl.class).length == 0) {
      return;
    }
    ProcessEngineConfigurationImpl configuration =
        context.getBean(ProcessEngineConfigurationImpl.class);
    List<?> listeners = configuration.getCustomPostBPMNParseListeners();
    for (Object listener : listeners == null ? List.of() : listeners) {
      if (listener instanceof ElementCoverageParseListener) {
        Object collector = field(ElementCoverageParseListener.class, "coverageState", listener);
        if (collector instanceof DefaultCollector defaults) {
          Run run;
          try {
            run = defaults.getActiveRun();
          } catch (RuntimeException noActiveRun) {
            continue; // no test method has started on this collector
          }
          Object events = field(Run.class, "events", run);
          if (events instanceof List<?> list && !(events instanceof CopyOnWriteArrayList)) {
            set(Run.class, "events", run, new CopyOnWriteArrayList<>(list));
          }
        }
      }
    }
  }

  private static Object field(Class<?> type, String name, Object target) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("process-test-coverage changed: " + type + "." + name, e);
    }
  }

  private static void set(Class<?> type, String name, Object target, Object value) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("process-test-coverage changed: " + type + "." + name, e);
    }
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
