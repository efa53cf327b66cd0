package fr.anef.renewal.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Moves a process instance from one engine tenant to another (ADR 0043): every row the engine holds
 * for it — runtime and history, its byte arrays, its tasks' identity links — takes the new tenant
 * id, in one transaction. The engine has no API for it (an instance's tenant is set at its start);
 * this is the one place that writes its tables' {@code TENANT_ID_}.
 *
 * <p>Which tables: every {@code ACT_} table with a {@code TENANT_ID_} column, read from the
 * database's metadata, by the column that names the instance ({@code PROC_INST_ID_} or {@code
 * PROCESS_INSTANCE_ID_}, else {@code ROOT_PROC_INST_ID_}; the identity links of its tasks through
 * {@code TASK_ID_}), each served by an index (the engine's, and {@code db/engine/V4}). A table of a
 * later engine version is thus moved without a change here; a table with a tenant and none of these
 * columns is not per instance (definitions, deployments, tenant memberships, batches, CMMN) and
 * {@code InstanceTenantsTests} names each one.
 *
 * <p>Inside an engine command (a delegate or listener), the rows the command has read or created
 * and not yet written are in its entity cache: they take the new tenant there too, so that what the
 * command flushes at its end (new tasks, variables, history) is in the new tenant. The engine
 * writes {@code TENANT_ID_} back only from an execution or a task it updates; the rows of those two
 * tables that this command does not hold get a new revision, so that a concurrent command holding
 * them fails on its optimistic lock (and is retried) instead of writing the former tenant back.
 */
@Component
public class InstanceTenants {

  /**
   * The columns that name the instance, in order of preference: its own id (always written; the
   * engine leaves the root's empty on some runtime rows), else its root's (the renewal calls no
   * sub-process: its root is itself).
   */
  private static final List<String> INSTANCE_COLUMNS =
      List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_");

  /** The tables whose update statements write {@code TENANT_ID_} from an entity. */
  private static final Set<String> ENTITY_WRITES_TENANT = Set.of("ACT_RU_EXECUTION", "ACT_RU_TASK");

  /** A table holding a tenant per instance, and how its rows name the instance. */
  record TenantTable(String table, String instanceColumn) {

    /** Rows reached through the instance's tasks (ACT_RU_IDENTITYLINK). */
    boolean byTask() {
      return instanceColumn.equals("TASK_ID_");
    }
  }

  private final ProcessEngineConfigurationImpl engine;

  /** The engine's schema, read once per start (the schema does not change while it runs). */
  private volatile List<TenantTable> tables;

  InstanceTenants(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /**
   * Puts every row of the process instance in {@code tenantId}, in the current engine command if
   * there is one (its cache included), else in a command of its own joined to the caller's
   * transaction. Idempotent: rows already in the tenant are not written.
   *
   * @return the rows written in the database (the command's own cached entities not counted)
   */
  public int move(String processInstanceId, String tenantId) {
    if (processInstanceId == null || tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("Instance et tenant sont obligatoires");
    }
    return inCommand(context -> moveIn(context, processInstanceId, tenantId));
  }

  /**
   * Gives a tenant to the rows of instances that have none, set-based: {@code source} is a SELECT
   * of two columns {@code pid} (the process instance id) and {@code tenant}. Used to put the
   * instances of earlier versions in their préfecture's tenant. Executions and tasks written get a
   * new revision, so that a command that read them before fails instead of writing no tenant back.
   *
   * @return the rows written
   */
  public int assignMissing(String source) {
    return inCommand(
        context -> {
          int written = 0;
          for (TenantTable table : tables(context)) {
            String instance =
                table.byTask()
                    ? "(select T.PROC_INST_ID_ from ACT_RU_TASK T where T.ID_ = X.TASK_ID_)"
                    : "X." + table.instanceColumn();
            written +=
                update(
                    context,
                    "update "
                        + table.table()
                        + " X set "
                        + (ENTITY_WRITES_TENANT.contains(table.table()) ? "REV_ = REV_ + 1, " : "")
                        + "TENANT_ID_ = (select S.tenant from ("
                        + source
                        + ") S where S.pid = "
                        + instance
                        + ") where X.TENANT_ID_ is null and "
                        + instance
                        + " in (select S.pid from ("
                        + source
                        + ") S)",
                    List.of());
          }
          return written;
        });
  }

  /**
   * How many running instances of the definition {@code key} have no tenant (executions, read by
   * the engine's tenant index): none is expected once the préfectures' tenants exist.
   */
  public long runningWithoutTenant(String key) {
    return inCommand(
        context -> {
          try (PreparedStatement statement =
              connection(context)
                  .prepareStatement(
                      "select count(*) from ACT_RU_EXECUTION E join ACT_RE_PROCDEF D on D.ID_ ="
                          + " E.PROC_DEF_ID_ where E.TENANT_ID_ is null and D.KEY_ = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          } catch (SQLException e) {
            throw new ProcessEngineException("Lecture des tenants refusée : " + e.getMessage(), e);
          }
        });
  }

  /** The tables moved, as read from the database's metadata. */
  List<TenantTable> tables() {
    return inCommand(this::tables);
  }

  private int moveIn(CommandContext context, String processInstanceId, String tenantId) {
    Set<String> held = retenantCached(context, processInstanceId, tenantId);
    int written = 0;
    for (TenantTable table : tables(context)) {
      String where =
          table.byTask()
              ? "TASK_ID_ in (select T.ID_ from ACT_RU_TASK T where T.PROC_INST_ID_ = ?)"
              : table.instanceColumn() + " = ?";
      String changed = " and (TENANT_ID_ is null or TENANT_ID_ <> ?)";
      if (ENTITY_WRITES_TENANT.contains(table.table())) {
        // Rows the command does not hold get a new revision; those it holds are written by its
        // flush, with its own revision check.
        String heldIds = " ID_ in (" + String.join(",", held.stream().map(h -> "?").toList()) + ")";
        List<Object> parameters = new ArrayList<>(List.of(tenantId, processInstanceId, tenantId));
        parameters.addAll(held);
        written +=
            update(
                context,
                "update "
                    + table.table()
                    + " set TENANT_ID_ = ?, REV_ = REV_ + 1 where "
                    + where
                    + changed
                    + (held.isEmpty() ? "" : " and not" + heldIds),
                parameters);
        if (!held.isEmpty()) {
          written +=
              update(
                  context,
                  "update "
                      + table.table()
                      + " set TENANT_ID_ = ? where "
                      + where
                      + changed
                      + " and"
                      + heldIds,
                  parameters);
        }
      } else {
        written +=
            update(
                context,
                "update " + table.table() + " set TENANT_ID_ = ? where " + where + changed,
                List.of(tenantId, processInstanceId, tenantId));
      }
    }
    return written;
  }

  /**
   * The entities of the instance the current command holds (read, created or changed, not yet
   * written) take the new tenant.
   *
   * @return the ids of those that are executions or tasks (their rows are updated by the command's
   *     flush, with its own optimistic lock)
   */
  private static Set<String> retenantCached(
      CommandContext context, String processInstanceId, String tenantId) {
    Set<String> held = new HashSet<>();
    for (DbEntity entity : cachedEntities(context)) {
      if (!ofInstance(entity, processInstanceId)) {
        continue;
      }
      Method setter = method(entity, "setTenantId", String.class);
      if (setter == null) {
        continue;
      }
      invoke(setter, entity, tenantId);
      if (entity instanceof ExecutionEntity execution) {
        // The tenant is not part of an execution's persistent state: without this, an execution
        // the command only read would not be written, and a concurrent command holding it could
        // write the former tenant back. Written, it gets a new revision (optimistic lock).
        execution.forceUpdate();
        held.add(entity.getId());
      } else if (entity instanceof TaskEntity) {
        held.add(entity.getId());
      }
    }
    return held;
  }

  /**
   * Whether a cached entity is a row of the instance: by its process instance id, else (history
   * byte arrays, decision inputs) by its root's. Never asks an execution for its root, which may
   * read the database.
   */
  private static boolean ofInstance(DbEntity entity, String processInstanceId) {
    Method instance = method(entity, "getProcessInstanceId");
    Object id = instance == null ? null : invoke(instance, entity);
    if (id != null || entity instanceof ExecutionEntity) {
      return processInstanceId.equals(id);
    }
    Method root = method(entity, "getRootProcessInstanceId");
    return root != null && processInstanceId.equals(invoke(root, entity));
  }

  private static List<DbEntity> cachedEntities(CommandContext context) {
    return context.getDbEntityManager().getDbEntityCache().getCachedEntities().stream()
        .map(CachedDbEntity::getEntity)
        .toList();
  }

  private static Method method(Object target, String name, Class<?>... parameters) {
    try {
      return target.getClass().getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new ProcessEngineException(method.getName() + " : " + e, e);
    }
  }

  private List<TenantTable> tables(CommandContext context) {
    List<TenantTable> known = tables;
    if (known == null) {
      known = readTables(connection(context));
      tables = known;
    }
    return known;
  }

  static List<TenantTable> readTables(Connection connection) {
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    try {
      DatabaseMetaData metadata = connection.getMetaData();
      String schema = connection.getSchema();
      for (String pattern : List.of("ACT\\_%", "act\\_%")) {
        try (ResultSet rows = metadata.getColumns(connection.getCatalog(), schema, pattern, null)) {
          while (rows.next()) {
            columns
                .computeIfAbsent(
                    rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT), t -> new HashSet<>())
                .add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Schéma du moteur illisible : " + e.getMessage(), e);
    }
    List<TenantTable> found = new ArrayList<>();
    columns.forEach(
        (table, names) -> {
          if (!names.contains("TENANT_ID_") || table.contains("CASE")) {
            return;
          }
          String instance =
              INSTANCE_COLUMNS.stream()
                  .filter(names::contains)
                  .findFirst()
                  .orElse(
                      names.contains("TASK_ID_") && table.startsWith("ACT_RU_")
                          ? "TASK_ID_"
                          : null);
          if (instance != null) {
            found.add(new TenantTable(table, instance));
          }
        });
    if (found.stream().noneMatch(t -> t.table().equals("ACT_RU_EXECUTION"))) {
      throw new ProcessEngineException("Tables du moteur introuvables (ACT_RU_EXECUTION)");
    }
    return List.copyOf(found);
  }

  private static int update(CommandContext context, String sql, List<Object> parameters) {
    try (PreparedStatement statement = connection(context).prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessEngineException("Changement de tenant refusé : " + e.getMessage(), e);
    }
  }

  private static Connection connection(CommandContext context) {
    return context.getDbSqlSession().getSqlSession().getConnection();
  }

  private <T> T inCommand(Function<CommandContext, T> work) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return work.apply(current);
    }
    return engine.getCommandExecutorTxRequired().execute(work::apply);
  }
}
