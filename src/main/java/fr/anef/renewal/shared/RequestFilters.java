package fr.anef.renewal.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter written as one method (the request, the response, the rest of the chain), run
 * once per request on the paths given, at its place among the filters: the registration every
 * application filter without state of its own needs.
 */
public final class RequestFilters {

  /** What the filter does; it calls {@code chain.doFilter} to let the request through. */
  @FunctionalInterface
  public interface Step {
    void apply(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException;
  }

  private RequestFilters() {}

  public static FilterRegistrationBean<OncePerRequestFilter> register(
      String name, int order, Step step, String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                step.apply(request, response, chain);
              }
            });
    registration.setName(name);
    registration.setOrder(order);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }
}
