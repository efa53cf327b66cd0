package fr.anef.renewal.benchmark;

import fr.anef.renewal.pdf.PdfRenderer;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the PDFs the application renders and the time each takes, around the one renderer bean.
 */
final class PdfTiming implements BeanPostProcessor {

  static final AtomicLong COUNT = new AtomicLong();
  static final AtomicLong NANOS = new AtomicLong();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof PdfRenderer)) {
      return bean;
    }
    ProxyFactory factory = new ProxyFactory(bean);
    factory.setProxyTargetClass(true);
    factory.addAdvice(
        (MethodInterceptor)
            invocation -> {
              long start = System.nanoTime();
              try {
                return invocation.proceed();
              } finally {
                // The « notice explicative » is rendered once per JVM and then served from memory:
                // not a PDF produced.
                if (invocation.getMethod().getReturnType() == byte[].class
                    && !invocation.getMethod().getName().equals("explanatoryNotice")) {
                  NANOS.addAndGet(System.nanoTime() - start);
                  COUNT.incrementAndGet();
                }
              }
            });
    return factory.getProxy();
  }
}
