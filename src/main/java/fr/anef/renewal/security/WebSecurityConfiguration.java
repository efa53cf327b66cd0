package fr.anef.renewal.security;

import fr.anef.renewal.shared.RequestFilters;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authentication of {@code /engine-rest} and of the application's own pages and API. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  static final String METRICS = "/actuator/prometheus";

  /** The REST API requires HTTP Basic; the engine then checks authorizations for that user. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        FrenchHttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AppAuthenticationFilter> appAuthentication(IdentityService identity) {
    FilterRegistrationBean<AppAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new AppAuthenticationFilter(identity));
    registration.setName("app-authentication");
    registration.addUrlPatterns(
        "/mon-espace/*",
        "/agent/*",
        "/ofii/*",
        "/api/*",
        "/demo/*",
        "/analyste/*",
        "/gestion/*",
        METRICS);
    registration.setOrder(20);
    return registration;
  }

  /** Metrics for the monitoring (group {@code monitoring}) and administrators only. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> metricsAccess() {
    return RequestFilters.register(
        "metrics-access",
        21,
        (request, response, chain) -> {
          AppUser user = AppUser.of(request);
          if (user.isIn(AccessSetup.MONITORING) || user.isIn(Groups.CAMUNDA_ADMIN)) {
            chain.doFilter(request, response);
            return;
          }
          response.setStatus(HttpServletResponse.SC_FORBIDDEN);
          response.setContentType("application/json;charset=UTF-8");
          response
              .getWriter()
              .write("{\"messages\":[\"Les métriques sont réservées à la supervision.\"]}");
        },
        METRICS);
  }

  /**
   * The webapps' pages lead a visitor who is not logged in to the application's login page (ADR
   * 0015).
   */
  @Bean
  FilterRegistrationBean<WebappLoginRedirect> webappLoginRedirect() {
    FilterRegistrationBean<WebappLoginRedirect> registration =
        new FilterRegistrationBean<>(new WebappLoginRedirect());
    registration.setName("webapp-login-redirect");
    registration.addUrlPatterns("/camunda/app/*", "/camunda/app");
    registration.setOrder(5);
    return registration;
  }
}
