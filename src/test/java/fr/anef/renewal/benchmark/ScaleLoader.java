package fr.anef.renewal.benchmark;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * National scale on PostgreSQL: 1 M closed and 100 k open cases (the sizes are parameters), then
 * the p95 of the queries users make at that scale.
 *
 * <p>How the rows are made: a few template cases are driven through the application's normal paths
 * into each state (closed favourable, closed favourable after a complement, closed refused; open
 * draft, at the review, awaiting a complement, in the medical phase, awaiting the decision). Every
 * row those paths wrote (engine and application tables) is then copied with {@code
 * generate_series}, each copy getting its own ids (each UUID u becomes md5(u:g), the N° étranger,
 * titre and N° de la demande are numbered from g) and its past dates moved back up to 4 years
 * (closed) or 4 months (open), its future ones (timers) kept. So the rows are those of the engine's
 * and the application's own code, only multiplied. What is not copied, and why (README «
 * Performance »): the bytes of uploaded files (each copy points at its template's content: 1 M × 4
 * Mo would not fit), the per-activity history of closed cases (ACT_HI_ACTINST, VARINST, DETAIL,
 * OP_LOG, JOB_LOG) and the mail-dispatch instances, which the history cleanup removes after 30 days
 * (their time to live). The copy runs as a PostgreSQL superuser with {@code
 * session_replication_role = replica}: foreign keys are not checked during the load (the copies are
 * consistent by construction).
 */
final class ScaleLoader {

  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Tables copied for every case, open or closed. */
  static final Set<String> COMMON =
      Set.of(
          "act_hi_procinst",
          "act_hi_taskinst",
          "act_ru_authorization",
          "act_id_user",
          "act_id_membership",
          "register_person",
          "register_title",
          "renewal_case",
          "notification",
          "notification_attachment",
          "issued_document",
          "document_file",
          "decision",
          "medical_opinion",
          "medical_file",
          "document_review",
          "complement_request",
          "complement_item",
          "college_vote");

  /**
   * Tables copied for open cases only: the engine's runtime, and what the instruction still works
   * on.
   */
  static final Set<String> OPEN_ONLY =
      Set.of(
          "act_ru_execution",
          "act_ru_task",
          "act_ru_variable",
          "act_ru_identitylink",
          "act_ru_job",
          "act_ru_event_subscr",
          "act_ge_bytearray",
          "outgoing_mail",
          "case_event",
          "case_required_document",
          "medical_event",
          "medical_document",
          "agent_note");

  record Template(
      String name, ProjectDriver.Stop stop, int indexModulo10, double share, boolean closed) {}

  static final List<Template> TEMPLATES =
      List.of(
          new Template("clos, favorable", ProjectDriver.Stop.END, 5, 0.70, true),
          new Template("clos, favorable après complément", ProjectDriver.Stop.END, 0, 0.10, true),
          new Template("clos, refus", ProjectDriver.Stop.END, 9, 0.20, true),
          new Template("ouvert, brouillon (étape 3)", ProjectDriver.Stop.FILING, 5, 0.10, false),
          new Template("ouvert, à examiner", ProjectDriver.Stop.REVIEW, 5, 0.25, false),
          new Template("ouvert, complément demandé", ProjectDriver.Stop.COMPLEMENT, 0, 0.10, false),
          new Template("ouvert, instruction médicale", ProjectDriver.Stop.MEDICAL, 5, 0.40, false),
          new Template("ouvert, à décider", ProjectDriver.Stop.DECISION, 5, 0.15, false));

  private final ApplicationContext context;
  private final JdbcTemplate jdbc;
  private final ProjectDriver driver;
  private final Waits waits;

  ScaleLoader(ApplicationContext context, JdbcTemplate jdbc, ProjectDriver driver, Waits waits) {
    this.context = context;
    this.jdbc = jdbc;
    this.driver = driver;
    this.waits = waits;
  }

  record Range(Template template, long from, long to, ProjectDriver.Driven driven) {}

  String loadAndQuery(int closed, int open, int firstIndex, Metrics.HeapSampler heap)
      throws Exception {
    StringBuilder out = new StringBuilder("== Échelle (PostgreSQL)\n");
    // 1. The templates, through the application's normal paths.
    int base = (firstIndex / 10 + 10) * 10;
    List<Range> ranges = new ArrayList<>();
    long next = 1;
    for (int t = 0; t < TEMPLATES.size(); t++) {
      Template template = TEMPLATES.get(t);
      int index = base + t * 10 + template.indexModulo10();
      String applicant = driver.createApplicant(index);
      ProjectDriver.Driven driven = driver.drive(applicant, index, template.stop());
      long count = Math.round((template.closed() ? closed : open) * template.share());
      ranges.add(new Range(template, next, next + count - 1, driven));
      next += count;
    }
    awaitQuiet();

    // 2. The copies.
    String url = Benchmark.env("BENCH_DATABASE_URL", null);
    long started = System.nanoTime();
    long rows = 0;
    try (Connection connection =
        DriverManager.getConnection(
            url,
            Benchmark.env("BENCH_LOADER_USERNAME", "postgres"),
            Benchmark.env("BENCH_LOADER_PASSWORD", ""))) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("set session_replication_role = replica");
        statement.execute("set synchronous_commit = off");
      }
      Map<String, List<Column>> columns = columns(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("set maintenance_work_mem = '512MB'");
      }
      Departments.createSlotTable(connection);
      connection.commit();
      // Every template's rows are read before the first copy: read after, each lookup (text casts,
      // no index)
      // would scan the copies already made.
      Map<Range, Map<String, List<Map<String, String>>>> rowsOf = new HashMap<>();
      for (Range range : ranges) {
        Set<String> tables = new HashSet<>(COMMON);
        if (!range.template().closed()) {
          tables.addAll(OPEN_ONLY);
        }
        rowsOf.put(range, templateRows(connection, columns, tables, range.driven()));
      }
      // Secondary indexes of the copied tables are dropped for the load and built again after it:
      // one sort per
      // index instead of a B-tree insertion per row (primary keys and the indexes constraints rest
      // on stay).
      long dropStart = System.nanoTime();
      Set<String> copiedTables = new HashSet<>(COMMON);
      copiedTables.addAll(OPEN_ONLY);
      List<String> indexes = secondaryIndexes(connection, copiedTables);
      try (Statement statement = connection.createStatement()) {
        for (String definition : indexes) {
          statement.execute("drop index " + indexName(definition));
        }
      }
      connection.commit();
      double dropSeconds = (System.nanoTime() - dropStart) / 1e9;
      for (Range range : ranges) {
        if (range.to() < range.from()) {
          continue;
        }
        long templateStart = System.nanoTime();
        Map<String, List<Map<String, String>>> templateRows = rowsOf.get(range);
        Map<String, String> tokens = tokens(templateRows, columns, range.driven());
        long copied = 0;
        for (var table : templateRows.entrySet()) {
          for (Map<String, String> row : table.getValue()) {
            copied +=
                insertCopies(
                    connection, table.getKey(), columns.get(table.getKey()), row, tokens, range);
          }
        }
        connection.commit();
        rows += copied;
        out.append(
            String.format(
                "  %-36s %,9d dossiers, %,5d lignes modèles → %,11d lignes en %.0f s%n",
                range.template().name(),
                range.to() - range.from() + 1,
                templateRows.values().stream().mapToInt(List::size).sum(),
                copied,
                (System.nanoTime() - templateStart) / 1e9));
      }
      long indexStart = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        for (String definition : indexes) {
          statement.execute(definition);
        }
      }
      connection.commit();
      double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
      out.append(
          String.format(
              "  index secondaires : %d supprimés en %.1f s avant la copie, reconstruits en %.0f s après%n",
              indexes.size(), dropSeconds, indexSeconds));
      long vacuumStart = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("drop table " + Departments.SLOT_TABLE);
        connection.setAutoCommit(true);
        // As a database in service would be: autovacuum has long caught up with these rows
        // (visibility map
        // set, statistics current) and does not run beside the queries measured below.
        statement.execute("vacuum (analyze)");
      }
      out.append(
          String.format("  VACUUM (ANALYZE) : %.0f s%n", (System.nanoTime() - vacuumStart) / 1e9));
    }
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    out.append(
        String.format(
            "  chargement : %,d dossiers clos + %,d ouverts, %,d lignes en %.0f s (%.0f lignes/s), VACUUM ANALYZE compris%n",
            closed, open, rows, loadSeconds, rows / loadSeconds));
    out.append(
        String.format(
            "  taille de la base : %s%n",
            jdbc.queryForObject(
                "select pg_size_pretty(pg_database_size(current_database()))", String.class)));

    // 3. The users' queries at that scale.
    heap.reset();
    out.append(queries(ranges));
    try {
      out.append(new PrefectureQueries(context, jdbc).run());
    } catch (RuntimeException e) {
      // The load's figures and the national queries above stay in the report.
      e.printStackTrace();
      out.append("  par préfecture : interrompu, ").append(e).append('\n');
    }
    out.append(
        String.format(
            "  tas à %,d dossiers ouverts : pic %s pendant les requêtes, %s vivants après GC%n",
            open, Metrics.mb(heap.peak()), Metrics.mb(Metrics.liveHeapAfterGc())));
    return out.toString();
  }

  /** No job due and no mail waiting: the templates' rows are complete. */
  private void awaitQuiet() {
    waits.until(
        "jobs done",
        () ->
            jdbc.queryForObject(
                            "select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()",
                            Long.class)
                        == 0
                    && jdbc.queryForObject(
                            "select count(*) from outgoing_mail where sent_at is null", Long.class)
                        == 0
                ? Boolean.TRUE
                : null);
  }

  /**
   * CREATE INDEX statements of the tables' indexes that neither a primary key nor a constraint
   * rests on.
   */
  static List<String> secondaryIndexes(Connection connection, Set<String> tables)
      throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select pg_get_indexdef(i.indexrelid) from pg_index i"
                + " join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = current_schema() and t.relname = any(?) and not i.indisprimary"
                + " and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid) order by 1")) {
      statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          definitions.add(rs.getString(1));
        }
      }
    }
    return definitions;
  }

  /** « CREATE [UNIQUE] INDEX name ON … » → its schema-qualified name. */
  static String indexName(String definition) {
    Matcher matcher =
        Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\S+) ON (\\S+?)\\.").matcher(definition);
    if (!matcher.find()) {
      throw new IllegalStateException("définition d'index inattendue : " + definition);
    }
    return matcher.group(2) + "." + matcher.group(1);
  }

  record Column(String name, String type, boolean identity) {}

  private static Map<String, List<Column>> columns(Connection connection) throws SQLException {
    Map<String, List<Column>> columns = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select table_name, column_name, data_type, is_identity, coalesce(column_default, '') from information_schema.columns "
                    + "where table_schema = current_schema() order by table_name, ordinal_position")) {
      while (rs.next()) {
        columns
            .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
            .add(
                new Column(
                    rs.getString(2),
                    rs.getString(3),
                    "YES".equals(rs.getString(4)) || rs.getString(5).startsWith("nextval")));
      }
    }
    return columns;
  }

  static boolean isReference(Column column) {
    String name = column.name();
    boolean text =
        column.type().equals("character varying")
            || column.type().equals("uuid")
            || column.type().equals("text");
    return text
        && (name.equals("id")
            || name.endsWith("id_")
            || name.endsWith("_id")
            || name.equals("business_key_")
            || name.equals("foreigner_number")
            || name.equals("request_number")
            || name.equals("assignee_")
            || name.equals("process_instance_id"));
  }

  /**
   * Every row of the allowed tables reachable from the template case's ids, as text (null for SQL
   * null).
   */
  private static Map<String, List<Map<String, String>>> templateRows(
      Connection connection,
      Map<String, List<Column>> columns,
      Set<String> tables,
      ProjectDriver.Driven driven)
      throws SQLException {
    Set<String> known =
        new HashSet<>(
            List.of(driven.processInstanceId(), driven.caseId().toString(), driven.applicantId()));
    if (driven.requestNumber() != null) {
      known.add(driven.requestNumber());
      try (PreparedStatement ofii =
          connection.prepareStatement(
              "select id_ from act_ru_execution where business_key_ = ? union select id_ from act_hi_procinst where business_key_ = ?")) {
        ofii.setString(1, driven.requestNumber());
        ofii.setString(2, driven.requestNumber());
        try (ResultSet rs = ofii.executeQuery()) {
          while (rs.next()) {
            known.add(rs.getString(1));
          }
        }
      }
    }
    Map<String, Map<String, Map<String, String>>> found = new LinkedHashMap<>();
    for (int pass = 0; pass < 6; pass++) {
      int before = found.values().stream().mapToInt(Map::size).sum();
      for (String table : tables) {
        List<Column> cols = columns.get(table);
        if (cols == null) {
          continue;
        }
        List<Column> refs = cols.stream().filter(ScaleLoader::isReference).toList();
        if (refs.isEmpty()) {
          continue;
        }
        StringBuilder sql = new StringBuilder("select * from " + table + " where ");
        for (int i = 0; i < refs.size(); i++) {
          sql.append(i == 0 ? "" : " or ").append(refs.get(i).name()).append("::text = any(?)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
          java.sql.Array array = connection.createArrayOf("text", known.toArray());
          for (int i = 0; i < refs.size(); i++) {
            statement.setArray(i + 1, array);
          }
          try (ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
              Map<String, String> row = new LinkedHashMap<>();
              for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnName(c), rs.getString(c));
              }
              String key = String.join("|", row.values().stream().map(String::valueOf).toList());
              found.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, row);
              // The row's own id and the byte arrays it points at belong to the case too.
              for (var value : row.entrySet()) {
                String name = value.getKey();
                if (value.getValue() != null
                    && (name.equals("id_")
                        || name.equals("id")
                        || name.equals("bytearray_id_")
                        || name.endsWith("stack_id_")
                        || name.equals("error_details_id_"))) {
                  known.add(value.getValue());
                }
              }
            }
          }
        }
      }
      if (found.values().stream().mapToInt(Map::size).sum() == before) {
        break;
      }
    }
    Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    found.forEach((table, byKey) -> rows.put(table, new ArrayList<>(byKey.values())));
    return rows;
  }

  /** The values a copy renumbers, with their SQL expression in {@code g}. */
  /**
   * The copies' request numbers are numbered from this, above any the sequence gives in a
   * benchmark.
   */
  static final long NUMBER_OFFSET = 2_000_000;

  /**
   * Days a copy's past is moved back: up to 4 years for closed cases, 4 months for open ones
   * ({@code span}).
   */
  static final String SHIFT_DAYS = "(g % span)::int";

  private static String value(
      Map<String, List<Map<String, String>>> rows, String table, String column) {
    return rows.getOrDefault(table, List.of()).stream()
        .map(r -> r.get(column))
        .filter(v -> v != null)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("modèle sans " + table + "." + column));
  }

  private static Map<String, String> tokens(
      Map<String, List<Map<String, String>>> rows,
      Map<String, List<Column>> columns,
      ProjectDriver.Driven driven) {
    Map<String, String> tokens = new HashMap<>();
    for (var table : rows.entrySet()) {
      for (Map<String, String> row : table.getValue()) {
        for (var value : row.entrySet()) {
          String name = value.getKey();
          if (value.getValue() != null
              && (name.equals("id_")
                  || name.equals("id")
                  || name.equals("bytearray_id_")
                  || name.equals("proc_inst_id_")
                  || name.equals("process_instance_id")
                  || name.equals("case_id"))) {
            Matcher matcher = UUID.matcher(value.getValue());
            while (matcher.find()) {
              tokens.put(matcher.group(), "md5('" + matcher.group() + ":' || g)::uuid::text");
            }
          }
        }
      }
    }
    // What the dépôt writes for the préfecture of the applicant's address (ADR 0016), for the
    // copy's département
    // s.dept (the slot table joined in insertCopies): its scope group (grants, candidate group),
    // the address.
    String department = value(rows, "renewal_case", "department");
    tokens.put(AgentScopes.groupOf(department), "('prefecture-' || s.dept)");
    tokens.put(value(rows, "register_person", "postal_code"), "s.postal_code");
    tokens.put(value(rows, "register_person", "city"), "s.city");
    tokens.put(driven.applicantId(), "('7' || lpad(g::text, 9, '0'))");
    tokens.put("8" + driven.applicantId().substring(1), "('6' || lpad(g::text, 9, '0'))");
    if (driven.requestNumber() != null) {
      // N° de la demande as RequestNumbers writes it: département + « 01 » + filing date + 7
      // digits. The date is the
      // copy's dépôt (moved back as its timestamps are); the number, g + 2 000 000, never meets the
      // sequence's.
      String filed =
          driven.requestNumber().substring(department.length() + 2, department.length() + 10);
      tokens.put(
          driven.requestNumber(),
          "(s.dept || '01' || to_char(date '"
              + filed.substring(0, 4)
              + "-"
              + filed.substring(4, 6)
              + "-"
              + filed.substring(6)
              + "' - "
              + SHIFT_DAYS
              + ", 'YYYYMMDD') || lpad((g + "
              + NUMBER_OFFSET
              + ")::text, 7, '0'))");
    }
    return tokens;
  }

  private static long insertCopies(
      Connection connection,
      String table,
      List<Column> columns,
      Map<String, String> row,
      Map<String, String> tokens,
      Range range)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    String span = range.template().closed() ? "1460" : "120";
    String shift = SHIFT_DAYS.replace("span", span) + " * interval '1 day'";
    String templateDepartment =
        row.containsKey("department") && table.equals("renewal_case")
            ? row.get("department")
            : null;
    for (Column column : columns) {
      if (column.identity()) {
        continue;
      }
      String value = row.get(column.name());
      names.add(column.name());
      if (value == null) {
        values.add("null");
      } else if (column.name().equals("department") && value.equals(templateDepartment)) {
        values.add("s.dept");
      } else if (column.type().startsWith("timestamp")) {
        // What has happened moves back with the copy; what is still to come (a timer's due date, a
        // deadline)
        // stays to come: a copy never holds a timer that should have fired long ago.
        String at = literal(value) + "::" + column.type();
        values.add(
            "(case when " + at + " > now() then " + at + " else " + at + " - " + shift + " end)");
      } else if (column.type().equals("character varying")
          || column.type().equals("text")
          || column.type().equals("uuid")) {
        values.add(
            "("
                + renumbered(value, tokens).replace("(g % span)", "(g % " + span + ")")
                + ")::"
                + column.type());
      } else {
        values.add(literal(value) + "::" + column.type());
      }
    }
    String sql =
        "insert into "
            + table
            + " ("
            + String.join(", ", names)
            + ") select "
            + String.join(", ", values)
            + " from generate_series("
            + range.from()
            + ", "
            + range.to()
            + ") g join "
            + Departments.SLOT_TABLE
            + " s on s.slot = "
            + Departments.SLOT_OF_G;
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  /** The value with every token replaced by its expression: a SQL string expression. */
  static String renumbered(String value, Map<String, String> tokens) {
    List<int[]> spans = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    for (var token : tokens.entrySet()) {
      int at = value.indexOf(token.getKey());
      while (at >= 0) {
        spans.add(new int[] {at, at + token.getKey().length()});
        expressions.add(token.getValue());
        at = value.indexOf(token.getKey(), at + token.getKey().length());
      }
    }
    if (spans.isEmpty()) {
      return literal(value);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
    StringBuilder sql = new StringBuilder("''");
    int position = 0;
    for (int i : order) {
      int[] span = spans.get(i);
      if (span[0] < position) {
        continue; // overlapping token (a UUID inside a longer one): the first wins
      }
      sql.append(" || ")
          .append(literal(value.substring(position, span[0])))
          .append(" || ")
          .append(expressions.get(i));
      position = span[1];
    }
    sql.append(" || ").append(literal(value.substring(position)));
    return sql.toString();
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  // ------------------------------------------------------------------ queries at scale

  private String queries(List<Range> ranges) {
    IdentityService identity = context.getBean(IdentityService.class);
    TaskService tasks = context.getBean(TaskService.class);
    FilterService filters = context.getBean(FilterService.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    ManagementService management = context.getBean(ManagementService.class);
    NotificationService notifications = context.getBean(NotificationService.class);
    Cases cases = context.getBean(Cases.class);
    Filter toReview = filters.createFilterQuery().filterName("Demandes à examiner").singleResult();
    Filter mine = filters.createFilterQuery().filterName("Mes démarches").singleResult();
    Random random = new Random(11);
    Range drafts =
        ranges.stream()
            .filter(r -> r.template().stop() == ProjectDriver.Stop.FILING)
            .findFirst()
            .orElseThrow();
    long last = ranges.get(ranges.size() - 1).to();
    Supplier<Long> anyCase = () -> 1 + (long) (random.nextDouble() * last);
    List<String> numbers =
        jdbc.queryForList(
            "select request_number from renewal_case where department = '59'"
                + " and request_number is not null order by md5(request_number) fetch first 55 rows only",
            String.class);
    Metrics metrics = new Metrics();
    StringBuilder out =
        new StringBuilder("  requêtes à cette échelle (5 d'échauffement puis 50 chacune) :\n");
    String[] statuses = {"en_instruction", "complement_demande", "instruction_medicale"};
    for (int i = 0; i < 55; i++) {
      String kind = i < 5 ? "échauffement" : null;
      String status = statuses[i % statuses.length];
      ProjectDriver.as(
          identity,
          ProjectDriver.AGENT,
          ActorGroups.PREFECTURE_AGENTS,
          () ->
              timed(
                  metrics,
                  kind,
                  "Tasklist agent, filtre caseStatus (page + total)",
                  () -> {
                    var query =
                        tasks
                            .createTaskQuery()
                            .processVariableValueEquals("caseStatus", status)
                            .orderByTaskCreateTime()
                            .desc();
                    filters.listPage(toReview.getId(), query, 0, 15);
                    return filters.count(toReview.getId(), query);
                  }));
      long draft =
          i % 2 == 0
              ? drafts.from() + (long) (random.nextDouble() * (drafts.to() - drafts.from() + 1))
              : anyCase.get();
      String applicant = "7" + String.format("%09d", draft);
      ProjectDriver.as(
          identity,
          applicant,
          ActorGroups.APPLICANTS,
          () ->
              timed(
                  metrics,
                  kind,
                  "Tasklist demandeur (page + total)",
                  () -> {
                    filters.listPage(mine.getId(), tasks.createTaskQuery(), 0, 15);
                    return filters.count(mine.getId(), tasks.createTaskQuery());
                  }));
      String other = "7" + String.format("%09d", anyCase.get());
      timed(
          metrics,
          kind,
          "« Mes notifications » (page + total)",
          () -> notifications.list(other, NotificationFilter.ALL, 0, 20));
      String requestNumber = numbers.get(i % numbers.size());
      ProjectDriver.as(
          identity,
          ProjectDriver.AGENT,
          ActorGroups.PREFECTURE_AGENTS,
          () ->
              timed(
                  metrics,
                  kind,
                  "dossier par N° de la demande",
                  () -> {
                    cases.byRequestNumber(requestNumber);
                    return runtime
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(requestNumber)
                        .list();
                  }));
      ProjectDriver.as(
          identity,
          "admin",
          Groups.CAMUNDA_ADMIN,
          () ->
              timed(
                  metrics,
                  kind,
                  "Cockpit : nombre d'instances",
                  () ->
                      runtime
                          .createProcessInstanceQuery()
                          .processDefinitionKey(RenewalProcess.KEY)
                          .count()));
      ProjectDriver.as(
          identity,
          "admin",
          Groups.CAMUNDA_ADMIN,
          () ->
              timed(
                  metrics,
                  kind,
                  "Cockpit : statistiques des processus",
                  () ->
                      management
                          .createProcessDefinitionStatisticsQuery()
                          .includeIncidents()
                          .list()));
    }
    return out.append(metrics.latencyTable()).toString();
  }

  private static <T> T timed(Metrics metrics, String warmup, String kind, Supplier<T> call) {
    return warmup != null ? call.get() : metrics.time(kind, call);
  }
}
