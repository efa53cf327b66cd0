package fr.anef.renewal.benchmark;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL each thread sends (datasource-proxy around the DataSource): statements (a batch
 * counts its entries), round trips (a batch counts once), rows read ({@code ResultSet.next()}) and
 * rows written (update counts), the engine's apart from the application's — a statement naming one
 * of the engine's tables ({@code ACT_…}) is the engine's. {@link Metrics#time} takes the calling
 * thread's counts around each timed call; {@link #totals()} adds every thread's, by kind of thread.
 */
final class SqlCounts implements BeanPostProcessor {

  /**
   * Engine statements, engine round trips, engine rows read, engine rows written, then the same for
   * the application.
   */
  static final int FIELDS = 8;

  static final int STATEMENTS = 0;
  static final int ROUND_TRIPS = 1;
  static final int ROWS_READ = 2;
  static final int ROWS_WRITTEN = 3;
  static final int APPLICATION = 4;

  /** The name of the benchmark's actor threads (the others are the job executor's, the mail's). */
  static final String ACTOR = "acteur-";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern ENGINE_TABLE =
      Pattern.compile("\\bACT_(RU|HI|GE|RE|ID)_", Pattern.CASE_INSENSITIVE);

  /** One thread's counts; only that thread writes them. */
  static final class Counter {
    final String thread = Thread.currentThread().getName();
    final AtomicLongArray values = new AtomicLongArray(FIELDS);
    int offset; // the kind of the statement whose rows are being read: 0 engine, APPLICATION

    long[] snapshot() {
      long[] copy = new long[FIELDS];
      for (int i = 0; i < FIELDS; i++) {
        copy[i] = values.get(i);
      }
      return copy;
    }
  }

  private static final Queue<Counter> ALL = new ConcurrentLinkedQueue<>();

  /** Statements by text (its first 110 characters, blanks folded), every thread. */
  private static final Map<String, LongAdder> BY_TEXT = new ConcurrentHashMap<>();

  static Map<String, Long> byText() {
    Map<String, Long> copy = new HashMap<>();
    BY_TEXT.forEach((text, count) -> copy.put(text, count.sum()));
    return copy;
  }

  /** The {@code limit} statements sent most often between two {@link #byText()}, per case. */
  static String topStatements(
      Map<String, Long> before, Map<String, Long> after, int cases, int limit) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "    %6.1f  %s%n",
                        e.getValue() / (double) cases,
                        e.getKey())));
    return out.toString();
  }

  private static final ThreadLocal<Counter> MINE =
      ThreadLocal.withInitial(
          () -> {
            Counter counter = new Counter();
            ALL.add(counter);
            return counter;
          });

  static long[] current() {
    return MINE.get().snapshot();
  }

  /**
   * Every thread's counts: [0] the actors' (the benchmark's threads), [1] the others' (job
   * executor, mail).
   */
  static long[][] totals() {
    long[][] sums = new long[2][FIELDS];
    for (Counter counter : ALL) {
      long[] values = counter.snapshot();
      int kind = counter.thread.startsWith(ACTOR) ? 0 : 1;
      for (int i = 0; i < FIELDS; i++) {
        sums[kind][i] += values[i];
      }
    }
    return sums;
  }

  static long[] minus(long[] after, long[] before) {
    long[] delta = new long[FIELDS];
    for (int i = 0; i < FIELDS; i++) {
      delta[i] = after[i] - before[i];
    }
    return delta;
  }

  /**
   * Whether the SQL is counted ({@code -Dbench.sql=false}: not, for CPU figures without the proxy's
   * own cost).
   */
  static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("bench.sql", "true"));

  /** The data source, counted (as it is when counting is off). */
  static DataSource counted(DataSource dataSource, String name) {
    if (!ENABLED) {
      return dataSource;
    }
    return ProxyDataSourceBuilder.create(dataSource)
        .name(name)
        .listener(new Queries())
        .proxyResultSet()
        .methodListener(new Rows())
        .build();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
        ? counted(dataSource, beanName)
        : bean;
  }

  private static final class Queries implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      Counter counter = MINE.get();
      boolean engine = queries.stream().anyMatch(q -> ENGINE_TABLE.matcher(q.getQuery()).find());
      counter.offset = engine ? 0 : APPLICATION;
      counter.values.incrementAndGet(counter.offset + ROUND_TRIPS);
      int statements = execution.isBatch() ? execution.getBatchSize() : 1;
      counter.values.addAndGet(counter.offset + STATEMENTS, statements);
      String text = WHITESPACE.matcher(queries.get(0).getQuery()).replaceAll(" ").strip();
      BY_TEXT
          .computeIfAbsent(text.substring(0, Math.min(110, text.length())), t -> new LongAdder())
          .add(statements);
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {}
  }

  private static final class Rows implements MethodExecutionListener {
    @Override
    public void beforeMethod(MethodExecutionContext context) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
      Object target = context.getTarget();
      Object result = context.getResult();
      String method = context.getMethod().getName();
      Counter counter = MINE.get();
      if (target instanceof ResultSet) {
        if (method.equals("next") && Boolean.TRUE.equals(result)) {
          counter.values.incrementAndGet(counter.offset + ROWS_READ);
        }
      } else if (target instanceof Statement) {
        long written = 0;
        if ((method.equals("executeUpdate") || method.equals("getUpdateCount"))
            && result instanceof Integer count
            && count > 0) {
          written = count;
        } else if (method.equals("executeBatch") && result instanceof int[] counts) {
          for (int count : counts) {
            written += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
          }
        }
        if (written > 0) {
          counter.values.addAndGet(counter.offset + ROWS_WRITTEN, written);
        }
      }
    }
  }

  static String format(long[] perCall, double calls) {
    return String.format(
        Locale.ROOT,
        "%7.1f %6.1f %7.1f %6.1f | %7.1f %6.1f %7.1f %6.1f",
        perCall[STATEMENTS] / calls,
        perCall[ROUND_TRIPS] / calls,
        perCall[ROWS_READ] / calls,
        perCall[ROWS_WRITTEN] / calls,
        perCall[APPLICATION + STATEMENTS] / calls,
        perCall[APPLICATION + ROUND_TRIPS] / calls,
        perCall[APPLICATION + ROWS_READ] / calls,
        perCall[APPLICATION + ROWS_WRITTEN] / calls);
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%7s %6s %7s %6s | %7s %6s %7s %6s",
        "mot.SQL",
        "a-r",
        "lues",
        "écr.",
        "app.SQL",
        "a-r",
        "lues",
        "écr.");
  }
}
