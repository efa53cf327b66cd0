package fr.anef.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestFilings;
import fr.anef.renewal.engine.InstanceTenants.TenantTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A case's instance moves between tenants whole (ADR 0043). */
@EngineTest
class InstanceTenantsTests {

  /**
   * The engine's tables with a tenant that are not per instance: definitions, deployments, tenant
   * memberships, batches, job definitions.
   */
  static final Set<String> NOT_PER_INSTANCE =
      Set.of(
          "ACT_ID_TENANT_MEMBER",
          "ACT_RE_DEPLOYMENT",
          "ACT_RE_PROCDEF",
          "ACT_RE_CAMFORMDEF",
          "ACT_RE_DECISION_DEF",
          "ACT_RE_DECISION_REQ_DEF",
          "ACT_RU_JOBDEF",
          "ACT_RU_BATCH",
          "ACT_HI_BATCH");

  @Autowired InstanceTenants tenants;
  @Autowired TestFilings filings;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  @DisplayName(
      "Chaque table du moteur qui porte un tenant est déplacée avec l'instance, ou nommée ici comme n'étant pas par instance")
  void everyTenantTableIsKnown() throws Exception {
    Set<String> withTenant = new TreeSet<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet columns =
            connection.getMetaData().getColumns(null, null, null, "TENANT\\_ID\\_")) {
      while (columns.next()) {
        String table = columns.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
        if (table.startsWith("ACT_") && !table.contains("CASE")) {
          withTenant.add(table);
        }
      }
    }
    Set<String> moved = new TreeSet<>();
    tenants.tables().forEach(t -> moved.add(t.table()));
    assertThat(moved).contains("ACT_RU_EXECUTION", "ACT_HI_DETAIL", "ACT_RU_IDENTITYLINK");
    Set<String> unknown = new TreeSet<>(withTenant);
    unknown.removeAll(moved);
    unknown.removeAll(NOT_PER_INSTANCE);
    assertThat(unknown)
        .as("a table of a new engine version: per instance (by which column) or not?")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Un dossier déposé passe entier d'un tenant à l'autre : chaque ligne, exécution et tâche avec une nouvelle révision")
  void aFiledCaseMovesWhole() {
    String instance = filings.depositedCase(90).processInstanceId();
    assertThat(tenantsOf(instance)).containsOnly("prefecture-59");
    Integer revision =
        jdbc.queryForObject(
            "select REV_ from ACT_RU_EXECUTION where ID_ = ?", Integer.class, instance);

    assertThat(tenants.move(instance, "prefecture-75")).isPositive();

    assertThat(tenantsOf(instance)).containsOnly("prefecture-75");
    assertThat(
            jdbc.queryForObject(
                "select REV_ from ACT_RU_EXECUTION where ID_ = ?", Integer.class, instance))
        .as("a command holding the execution from before fails on its optimistic lock")
        .isEqualTo(revision + 1);
    assertThat(tenants.move(instance, "prefecture-75")).as("idempotent").isZero();
  }

  /** The distinct tenants of every row the instance has in every moved table. */
  private Set<String> tenantsOf(String instance) {
    Set<String> found = new TreeSet<>();
    int tablesWithRows = 0;
    for (TenantTable table : tenants.tables()) {
      String where =
          table.byTask()
              ? "TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)"
              : table.instanceColumn() + " = ?";
      List<String> values =
          jdbc.queryForList(
              "select coalesce(TENANT_ID_, '(aucun)') from " + table.table() + " where " + where,
              String.class,
              instance);
      if (!values.isEmpty()) {
        tablesWithRows++;
      }
      found.addAll(values);
    }
    assertThat(tablesWithRows).as("runtime, history, byte arrays, identity links").isGreaterThan(8);
    return found;
  }
}
