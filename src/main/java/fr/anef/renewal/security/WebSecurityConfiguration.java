package fr.anef.renewal.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Authentication of {@code /engine-rest} and of the application's own pages and API. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  /** The REST API requires HTTP Basic; the engine then checks authorizations for that user. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
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
    registration.addUrlPatterns("/mon-espace/*", "/agent/*", "/ofii/*", "/api/*", "/demo/*");
    registration.setOrder(20);
    return registration;
  }

  /** The webapps' pages lead a visitor who is not logged in to the application's login page (ADR 0015). */
  @Bean
  FilterRegistrationBean<WebappLoginRedirect> webappLoginRedirect() {
    FilterRegistrationBean<WebappLoginRedirect> registration = new FilterRegistrationBean<>(new WebappLoginRedirect());
    registration.setName("webapp-login-redirect");
    registration.addUrlPatterns("/camunda/app/*", "/camunda/app");
    registration.setOrder(5);
    return registration;
  }
}
