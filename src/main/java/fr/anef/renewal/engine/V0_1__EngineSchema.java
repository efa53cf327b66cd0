package fr.anef.renewal.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Version 0.1 of the engine schema history: the engine's schema, created by the engine's own
 * scripts (the ones shipped in camunda-engine for the database in use) under Flyway's lock: nodes
 * started together on an empty database create it once, the others wait (ADR 0009). A database
 * whose engine schema exists already (created by an earlier {@code schema-update}) is left as it
 * is. Upgrades of the engine are later migrations of the same history running Camunda's upgrade
 * scripts.
 */
final class V0_1__EngineSchema extends BaseJavaMigration {

  /** The engine's create scripts, in the order the engine itself runs them. */
  private static final List<String> PARTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  @Override
  public Integer getChecksum() {
    return 724; // the engine version whose scripts this runs
  }

  @Override
  public String getDescription() {
    return "engine schema (camunda-engine 7.24 create scripts)";
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (engineTablesExist(connection.getMetaData())) {
      return;
    }
    String database = camundaDatabaseType(connection.getMetaData().getDatabaseProductName());
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(
          connection,
          new EncodedResource(
              new ClassPathResource(
                  "org/camunda/bpm/engine/db/create/activiti."
                      + database
                      + ".create."
                      + part
                      + ".sql"),
              "UTF-8"));
    }
  }

  static String camundaDatabaseType(String productName) {
    return switch (productName) {
      case "H2" -> "h2";
      case "PostgreSQL" -> "postgres";
      default ->
          throw new IllegalStateException(
              "Base de données non prise en charge pour le schéma du moteur : "
                  + productName
                  + " (H2 ou PostgreSQL)");
    };
  }

  private static boolean engineTablesExist(DatabaseMetaData metadata) throws SQLException {
    for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
      try (ResultSet tables = metadata.getTables(null, null, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
