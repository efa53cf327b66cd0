package fr.anef.renewal.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL statistics on the permission bits the engine's authorization check tests (ADR 0042).
 *
 * <p>The check reads {@code ACT_RU_AUTHORIZATION} with {@code A.PERMS_ & ? = ?}; PostgreSQL has no
 * statistics on such an expression and guesses 0.5 % of the rows, so it took the 585 grants of the
 * préfecture de police for 1 or 2 and chose, depending on the sample of the last ANALYZE, a scan of
 * the whole table joined to every task (98 ms for the agent's Tasklist queue at 110 000 cases)
 * instead of a probe of each of the préfecture's tasks by the index on {@code RESOURCE_ID_} (6–11
 * ms). An expression statistic per permission the agents' reads test gives the planner the real
 * share. H2 (tests, demo) has no such statistics: nothing is done there.
 */
final class V4__AuthorizationPermissionStatistics extends BaseJavaMigration {

  /**
   * READ (tasks, instances, history), READ_TASK, READ_INSTANCE and READ_HISTORY on a definition.
   */
  static final List<Integer> PERMISSIONS =
      List.of(
          Permissions.READ.getValue(),
          ProcessDefinitionPermissions.READ_TASK.getValue(),
          ProcessDefinitionPermissions.READ_INSTANCE.getValue(),
          ProcessDefinitionPermissions.READ_HISTORY.getValue());

  @Override
  public Integer getChecksum() {
    return PERMISSIONS.hashCode();
  }

  @Override
  public String getDescription() {
    return "statistics on the authorization permission bits (PostgreSQL)";
  }

  @Override
  public void migrate(Context context) throws SQLException {
    if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = context.getConnection().createStatement()) {
      for (int permission : PERMISSIONS) {
        statement.execute(
            "CREATE STATISTICS IF NOT EXISTS "
                + statisticsName(permission)
                + " ON (PERMS_ & "
                + permission
                + ") FROM ACT_RU_AUTHORIZATION");
      }
      statement.execute("ANALYZE ACT_RU_AUTHORIZATION");
    }
  }

  static String statisticsName(int permission) {
    return "anef_stat_auth_perms_" + permission;
  }
}
