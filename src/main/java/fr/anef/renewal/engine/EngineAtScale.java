package fr.anef.renewal.engine;

import java.util.ArrayList;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's settings and indexes for national scale. Job acquisition by due date ({@code
 * job-executor-acquire-by-due-date}, {@code ensure-job-due-date-not-null}: application.yaml) reads
 * the due jobs through {@code ANEF_IDX_JOB_DUEDATE} instead of scanning every waiting timer, as
 * Camunda's documentation advises for many timers.
 */
@Configuration(proxyBeanMethods = false)
class EngineAtScale {

  /**
   * The Flyway history of the engine's schema and indexes, apart from the application's own (name
   * kept from when it held the indexes only).
   */
  static final String ENGINE_SCHEMA_HISTORY = "flyway_engine_index_history";

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
   * The job executor's lock owner names the node ({@code anef.node-name}, default the host name)
   * with a random suffix: unique per start, and an operator reading {@code ACT_RU_JOB.LOCK_OWNER_}
   * sees which node holds a job.
   */
  @Bean
  static ProcessEnginePlugin nodeLockOwner(
      @Value("${anef.node-name:${HOSTNAME:noeud}}") String nodeName) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
          configuration
              .getJobExecutor()
              .setLockOwner(nodeName + "-" + UUID.randomUUID().toString().substring(0, 8));
        }
      }
    };
  }

  /**
   * The engine's schema and what the application adds to it (db/engine: indexes, grant rewrites),
   * migrated by Flyway before the engine is built ({@code schema-update: false}): under Flyway's
   * lock, so that nodes started together on an empty database create it once (ADR 0009). Camunda
   * allows own indexes on its tables; each upgrade of the engine re-checks them (README «
   * Performance »). Out of order: the schema migration (0.1) came after the indexes (1, 2) on
   * databases the engine had created itself, where it finds the schema and does nothing.
   */
  @Bean
  static ProcessEnginePlugin engineSchema(DataSource dataSource) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/engine")
            .javaMigrations(new V0_1__EngineSchema())
            .table(ENGINE_SCHEMA_HISTORY)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .outOfOrder(true)
            .load()
            .migrate();
      }
    };
  }
}
