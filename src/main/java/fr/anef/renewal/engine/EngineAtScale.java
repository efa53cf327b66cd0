package fr.anef.renewal.engine;

import java.util.ArrayList;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's settings and indexes for national scale. Job acquisition by due date
 * ({@code job-executor-acquire-by-due-date}, {@code ensure-job-due-date-not-null}: application.yaml) reads
 * the due jobs through {@code ANEF_IDX_JOB_DUEDATE} instead of scanning every waiting timer, as Camunda's
 * documentation advises for many timers.
 */
@Configuration(proxyBeanMethods = false)
class EngineAtScale {

  /** The Flyway history of the indexes on the engine's tables, apart from the application's own. */
  static final String ENGINE_INDEX_HISTORY = "flyway_engine_index_history";

  @Bean
  static ProcessEnginePlugin directGroupsAuthorization() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        var factories = new ArrayList<SessionFactory>();
        if (configuration.getCustomSessionFactories() != null) {
          factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new DirectGroupsAuthorizationManager.Factory());
        configuration.setCustomSessionFactories(factories);
      }
    };
  }

  /**
   * Indexes on the engine's tables (db/engine): applied after the engine has created or upgraded its schema,
   * which the application's Flyway history (db/migration) runs before. Camunda allows own indexes on its
   * tables; each upgrade of the engine re-checks them (README « Performance »). The engine is a parameter so
   * that it is built, and its schema there, before.
   */
  @Bean
  EngineIndexes engineIndexes(DataSource dataSource, ProcessEngine engine) {
    MigrateResult result = Flyway.configure().dataSource(dataSource).locations("classpath:db/engine")
        .table(ENGINE_INDEX_HISTORY).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    return new EngineIndexes(result.targetSchemaVersion);
  }

  /** The version the engine's indexes are at. */
  record EngineIndexes(String version) {}
}
