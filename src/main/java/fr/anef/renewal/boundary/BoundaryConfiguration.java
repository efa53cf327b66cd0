package fr.anef.renewal.boundary;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guard on both doors of the engine's REST API: {@code /engine-rest} and the webapps' own. */
@Configuration(proxyBeanMethods = false)
class BoundaryConfiguration {

  /**
   * After the engine-rest authentication (order 10), which tells the guard who calls; the webapps'
   * requests carry their user in the session.
   */
  static final int ORDER = 11;

  @Bean
  FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(
      IdentityService identity,
      TaskService tasks,
      RepositoryService repository,
      DeployedForms forms,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineRequestGuard> registration =
        new FilterRegistrationBean<>(
            new EngineRequestGuard(identity, tasks, repository, forms, webappPath));
    registration.setName("engine-request-guard");
    registration.addUrlPatterns(
        "/engine-rest/*", webappPath + "/api/engine/*", webappPath + "/api/admin/setup/*");
    registration.setOrder(ORDER);
    return registration;
  }

  /**
   * Around everything else on the JSON doors, so that a failure of any filter is answered in French
   * too.
   */
  @Bean
  FilterRegistrationBean<ServerErrorBodies> serverErrorBodies(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<ServerErrorBodies> registration =
        new FilterRegistrationBean<>(new ServerErrorBodies());
    registration.setName("server-error-bodies");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*", "/api/*");
    registration.setOrder(1);
    return registration;
  }
}
