package fr.anef.renewal;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Runs the test classes grouped by application context (junit-platform.properties): plain unit
 * tests first, then every {@link EngineTest}, then every {@link ServerTest}, then any class with a
 * context of its own. The context cache holds one context (spring.properties): grouped, the suite
 * builds each context once instead of once per switch. Within a group, {@link Order} first (lowest
 * first), then by name.
 */
public class ContextClassOrder implements ClassOrderer {

  static int group(Class<?> testClass) {
    if (AnnotatedElementUtils.hasAnnotation(testClass, ServerTest.class)) {
      return 2;
    }
    if (AnnotatedElementUtils.hasAnnotation(testClass, EngineTest.class)) {
      return 1;
    }
    // A context of its own (IsolationTests, FranceConnectLoginTests: their own JVM in the build):
    // last.
    return AnnotatedElementUtils.hasAnnotation(testClass, SpringBootTest.class) ? 3 : 0;
  }

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparingInt((ClassDescriptor d) -> group(d.getTestClass()))
                .thenComparingInt(
                    d -> d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
                .thenComparing(d -> d.getTestClass().getName()));
  }
}
