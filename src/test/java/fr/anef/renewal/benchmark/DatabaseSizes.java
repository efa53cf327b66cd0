package fr.anef.renewal.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Bytes the database holds, by group of tables: the engine's runtime (ACT_RU_*), its history
 * (ACT_HI_*), its byte arrays (ACT_GE_BYTEARRAY: serialized variables of both), the application's
 * tables (files included). PostgreSQL: pg_total_relation_size (table, indexes, TOAST); H2:
 * DISK_SPACE_USED.
 */
final class DatabaseSizes {

  static final String[] GROUPS = {
    "moteur runtime (ACT_RU_*)",
    "moteur historique (ACT_HI_*)",
    "octets moteur (ACT_GE_BYTEARRAY)",
    "application (dont fichiers)"
  };

  static Map<String, Long> measure(DataSource dataSource) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String group : GROUPS) {
      sizes.put(group, 0L);
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres =
          connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      String sql =
          postgres
              ? "select upper(c.relname), pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                  + "where c.relkind = 'r' and n.nspname = current_schema()"
              : "select table_name, disk_space_used('\"' || table_schema || '\".\"' || table_name || '\"') from information_schema.tables "
                  + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'";
      try (var statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          String table = rows.getString(1).toUpperCase();
          long bytes = rows.getLong(2);
          String group =
              table.startsWith("ACT_RU_")
                  ? GROUPS[0]
                  : table.startsWith("ACT_HI_")
                      ? GROUPS[1]
                      : table.equals("ACT_GE_BYTEARRAY")
                          ? GROUPS[2]
                          : table.startsWith("ACT_")
                              ? null
                              : table.startsWith("FLYWAY") ? null : GROUPS[3];
          if (group != null) {
            sizes.merge(group, bytes, Long::sum);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return sizes;
  }

  static String perCase(Map<String, Long> before, Map<String, Long> after, int cases) {
    StringBuilder out = new StringBuilder();
    long total = 0;
    for (String group : GROUPS) {
      long delta = after.get(group) - before.get(group);
      total += delta;
      out.append(
          String.format(
              "  %-36s %12s octets/dossier%n",
              group, String.format("%,d", delta / Math.max(1, cases))));
    }
    out.append(
        String.format(
            "  %-36s %12s octets/dossier%n",
            "total", String.format("%,d", total / Math.max(1, cases))));
    return out.toString();
  }
}
