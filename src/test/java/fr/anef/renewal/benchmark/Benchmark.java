package fr.anef.renewal.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import fr.anef.renewal.RenewalApplication;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.engine.LiteralFeel;
import fr.anef.renewal.mail.MailOutbox;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.pdf.ApplicantIdentity;
import fr.anef.renewal.pdf.DepositReceipt;
import fr.anef.renewal.pdf.PdfRenderer;
import fr.anef.renewal.processes.MailDispatchProcess;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The performance benchmark (README « Performance »): not a test, run by {@code mvn -Pbenchmark
 * verify} or {@code bench/run}. Starts the application on H2 or PostgreSQL, drives N whole cases
 * with T concurrent actors, then the same models on a bare engine, then (PostgreSQL) loads the
 * database at national scale and times the users' queries. Settings are system properties (see
 * README), the database the environment.
 */
public final class Benchmark {

  private Benchmark() {}

  static int intSetting(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
  }

  public static void main(String[] args) throws Exception {
    try {
      benchmark(args);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static void benchmark(String[] args) throws Exception {
    int cases = intSetting("bench.cases", 200);
    int actors = intSetting("bench.actors", 8);
    int warmup = intSetting("bench.warmup", 16);
    int scaleClosed = intSetting("bench.scale.closed", 0);
    int scaleOpen = intSetting("bench.scale.open", 0);
    boolean bare = Boolean.parseBoolean(System.getProperty("bench.bare", "true"));
    String url = env("BENCH_DATABASE_URL", null);
    String user = env("BENCH_DATABASE_USERNAME", "sa");
    String password = env("BENCH_DATABASE_PASSWORD", "");
    boolean postgres = url != null && url.startsWith("jdbc:postgresql");
    String stamp = String.valueOf(System.currentTimeMillis());
    if (url == null) {
      url = "jdbc:h2:file:/tmp/anef-bench-h2/anef-" + stamp + ";DB_CLOSE_ON_EXIT=FALSE";
    }
    String bareUrl =
        env(
            "BENCH_BARE_DATABASE_URL",
            postgres ? null : "jdbc:h2:file:/tmp/anef-bench-h2/bare-" + stamp);
    StringBuilder report = new StringBuilder();
    report.append("== Benchmark « étranger malade » — ").append(Instant.now()).append('\n');
    report.append(
        String.format(
            "machine : %d cœurs, %s ; JVM %s, -Xmx %s ; charge au départ : %s%n",
            Runtime.getRuntime().availableProcessors(),
            cpuModel(),
            System.getProperty("java.version"),
            Metrics.mb(Runtime.getRuntime().maxMemory()),
            loadAverage()));
    report.append(
        String.format(
            "base : %s%nN = %d dossiers, T = %d acteurs, échauffement %d dossiers%n",
            url.replaceAll("password=[^&;]*", "password=…"), cases, actors, warmup));

    Map<String, String> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", user);
    properties.put("spring.datasource.password", password);
    properties.put(
        "spring.datasource.hikari.maximum-pool-size", String.valueOf(Math.max(10, actors + 6)));
    properties.put("anef.demo.enabled", "true");
    properties.put("anef.mail.embedded-server.enabled", "true");
    properties.put("anef.mail.embedded-server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "true");
    properties.put("logging.level.root", "warn");
    properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "error");
    properties.put("spring.main.banner-mode", "off");

    // System properties: they take precedence over application.yaml (SpringApplication's defaults
    // would not).
    properties.forEach((key, value) -> System.setProperty(key, value.toString()));
    long startNanos = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RenewalApplication.class)
            .initializers(
                c -> {
                  c.getBeanFactory().addBeanPostProcessor(new PdfTiming());
                  c.getBeanFactory().addBeanPostProcessor(new SqlCounts());
                })
            .profiles(postgres ? new String[] {"postgres"} : new String[0])
            .run(args);
    Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
    report.append(
        String.format(
            "démarrage de l'application : %.1f s (JVM lancée depuis %.1f s)%n",
            startup.toMillis() / 1000.0,
            ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));

    ServerCpu serverCpu = new ServerCpu(postgres ? env("BENCH_PG_DATA", null) : null);
    GreenMail greenMail = context.getBean(GreenMail.class);
    Thread purge =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(2000);
                  greenMail.purgeEmailFromAllMailboxes();
                } catch (InterruptedException e) {
                  return;
                } catch (Exception ignored) {
                  // next round
                }
              }
            },
            "greenmail-purge");
    purge.setDaemon(true);
    purge.start();

    SampleFiles files = new SampleFiles(30, 7);
    report.append(
        String.format(
            "fichiers déposés : PNG, JPEG, PDF (scan) de %d à %d octets, %d en moyenne%n",
            files.minBytes(), files.maxBytes(), files.averageBytes()));
    Waits waits = new Waits(20);
    Metrics warmMetrics = new Metrics();
    Metrics metrics = new Metrics();
    ProjectDriver warmDriver = new ProjectDriver(context, files, warmMetrics, waits);
    ProjectDriver driver = new ProjectDriver(context, files, metrics, waits);
    List<String> applicants = new ArrayList<>();
    for (int i = 0; i < warmup + cases; i++) {
      applicants.add(driver.createApplicant(i));
    }

    DataSource dataSource = context.getBean(DataSource.class);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (Metrics.HeapSampler heap = new Metrics.HeapSampler()) {
      run(warmup, actors, i -> warmDriver.drive(applicants.get(i), i, ProjectDriver.Stop.END));
      Phase project =
          measure(
              "projet",
              cases,
              actors,
              dataSource,
              serverCpu,
              heap,
              jdbc,
              waits,
              i -> driver.drive(applicants.get(warmup + i), warmup + i, ProjectDriver.Stop.END));
      report
          .append(project.report)
          .append("  appels (latences) :\n")
          .append(metrics.latencyTable())
          .append(metrics.sqlTable());
      report.append(pdfAlone(context.getBean(PdfRenderer.class)));
      report.append(repositoryAlone(context, jdbc));
      report.append(decisionAlone());
      report.append(mailDispatchAlone(context, jdbc, waits));

      Phase baseline = null;
      if (bare && bareUrl != null) {
        try (BareEngine engine = new BareEngine(bareUrl, user, password)) {
          Metrics bareMetrics = new Metrics();
          run(warmup, actors, i -> engine.drive(i, new Metrics(), waits));
          baseline =
              measure(
                  "moteur nu (mêmes modèles, délégués vides, sans documents)",
                  cases,
                  actors,
                  engine.dataSource(),
                  serverCpu,
                  heap,
                  null,
                  waits,
                  i -> engine.drive(warmup + i, bareMetrics, waits));
          report
              .append(baseline.report)
              .append("  appels (latences) :\n")
              .append(bareMetrics.latencyTable())
              .append(bareMetrics.sqlTable());
        }
        report.append(
            String.format(
                "== Rapport projet / moteur nu%n  dossiers/s : %.2f / %.2f = %.2f%n"
                    + "  CPU JVM par dossier : %.1f ms / %.1f ms = %.2f×%n",
                project.casesPerSecond,
                baseline.casesPerSecond,
                project.casesPerSecond / baseline.casesPerSecond,
                project.cpuMsPerCase,
                baseline.cpuMsPerCase,
                project.cpuMsPerCase / baseline.cpuMsPerCase));
        if (serverCpu.available()) {
          report.append(
              String.format(
                  "  CPU JVM + PostgreSQL par dossier : %.1f ms / %.1f ms = %.2f×%n",
                  project.cpuMsPerCase + project.serverCpuMsPerCase,
                  baseline.cpuMsPerCase + baseline.serverCpuMsPerCase,
                  (project.cpuMsPerCase + project.serverCpuMsPerCase)
                      / (baseline.cpuMsPerCase + baseline.serverCpuMsPerCase)));
        }
      } else if (bare) {
        report.append("(moteur nu : BENCH_BARE_DATABASE_URL manquant)\n");
      }

      if (scaleClosed + scaleOpen > 0) {
        if (!postgres) {
          report.append("(échelle : PostgreSQL seulement — generate_series)\n");
        } else {
          ScaleLoader loader = new ScaleLoader(context, jdbc, driver, waits);
          report.append(loader.loadAndQuery(scaleClosed, scaleOpen, warmup + cases, heap));
        }
      }
    }
    report.append("charge à la fin : ").append(loadAverage()).append('\n');
    System.out.println();
    System.out.println(report);
    Path out = Path.of("target", "benchmark-" + (postgres ? "postgresql" : "h2") + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    System.out.println("(rapport écrit dans " + out + ")");
    context.close();
  }

  /** One PDF at a time, nothing else running: what a PDF costs by itself. */
  static String pdfAlone(PdfRenderer renderer) {
    DepositReceipt receipt =
        new DepositReceipt(
            new ApplicantIdentity(
                "9700000001",
                "BANC",
                null,
                "ESSAI",
                LocalDate.of(1985, 3, 12),
                "Bogotá",
                "Colombie",
                "Colombienne",
                "12 RUE NATIONALE 59000 LILLE FRANCE"),
            "5901202610040000310",
            LocalDate.now(),
            LocalDate.now(),
            null);
    for (int i = 0; i < 30; i++) {
      renderer.depositReceipt(receipt);
    }
    List<Long> times = new ArrayList<>();
    long cpu = Metrics.processCpuNanos();
    for (int i = 0; i < 100; i++) {
      long start = System.nanoTime();
      renderer.depositReceipt(receipt);
      times.add(System.nanoTime() - start);
    }
    double cpuMs = (Metrics.processCpuNanos() - cpu) / 1e6 / 100;
    java.util.Collections.sort(times);
    return String.format(
        "  PDF seul (attestation de dépôt, 100 de suite sur un fil) : p50 %.1f ms, p95 %.1f ms, "
            + "moyenne %.1f ms, CPU %.1f ms par PDF — charge : %s%n",
        Metrics.pct(times, 50),
        Metrics.pct(times, 95),
        times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
        cpuMs,
        loadAverage());
  }

  /**
   * Two of the application's derived queries, one at a time: the cost of a repository call by
   * itself.
   */
  static String repositoryAlone(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
    Cases renewals = context.getBean(Cases.class);
    NotificationService notifications = context.getBean(NotificationService.class);
    Map<String, Object> row =
        jdbc.queryForMap("select process_instance_id, applicant_id from renewal_case limit 1");
    String instance = (String) row.get("process_instance_id");
    String applicant = (String) row.get("applicant_id");
    StringBuilder out = new StringBuilder();
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      long cpu = Metrics.processCpuNanos();
      for (int i = 0; i < 2000; i++) {
        renewals.caseOf(instance);
        notifications.list(applicant, NotificationFilter.ALL, 0, 20);
      }
      if (round == 1) {
        out.append(
            String.format(
                "  requêtes JPA seules (caseOf + « Mes notifications », 2000 de suite sur un fil) : %.0f µs "
                    + "par paire, CPU %.0f µs (hibernate.criteria.plan_cache_enabled=%s)%n",
                (System.nanoTime() - start) / 1e3 / 2000,
                (Metrics.processCpuNanos() - cpu) / 1e3 / 2000,
                context
                    .getEnvironment()
                    .getProperty(
                        "spring.jpa.properties.hibernate.criteria.plan_cache_enabled", "false")));
      }
    }
    DocumentService documents = context.getBean(DocumentService.class);
    UUID caseId = renewals.caseOf(instance).getId();
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      long cpu = Metrics.processCpuNanos();
      for (int i = 0; i < 2000; i++) {
        documents.requirements(caseId);
        documents.filesOf(caseId);
      }
      if (round == 1) {
        out.append(
            String.format(
                "  requêtes JPA seules (pièces exigées + fichiers d'une demande, 2000 de suite sur un fil) : "
                    + "%.0f µs par paire, CPU %.0f µs%n",
                (System.nanoTime() - start) / 1e3 / 2000,
                (Metrics.processCpuNanos() - cpu) / 1e3 / 2000));
      }
    }
    return out.toString();
  }

  /**
   * The « required-documents » table evaluated alone, 2 000 times on one thread, by a DMN engine
   * with Camunda's FEEL only and by one answering the literals first (the engine's, {@code
   * LiteralFeel}): the same table, the same inputs, one after the other in this run.
   */
  static String decisionAlone() throws IOException {
    StringBuilder out = new StringBuilder();
    for (boolean literals : new boolean[] {false, true}) {
      DefaultDmnEngineConfiguration configuration =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      FeelEngineFactory feel = new ScalaFeelEngineFactory();
      configuration.setFeelEngineFactory(literals ? LiteralFeel.factory(feel) : feel);
      DmnEngine engine = configuration.buildEngine();
      DmnDecision decision;
      try (InputStream model =
          Benchmark.class.getResourceAsStream("/processes/required-documents.dmn")) {
        decision = engine.parseDecision("required-documents", model);
      }
      Map<String, Object> inputs = Map.of("housingType", "HOTEL", "holdsResidencePermit", false);
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        long cpu = Metrics.processCpuNanos();
        for (int i = 0; i < 2000; i++) {
          engine.evaluateDecision(decision, inputs);
        }
        if (round == 1) {
          out.append(
              String.format(
                  "  table « required-documents » seule (2000 évaluations sur un fil, %s) : %.0f µs, CPU %.0f µs%n",
                  literals ? "littéraux sans FEEL" : "FEEL seul",
                  (System.nanoTime() - start) / 1e3 / 2000,
                  (Metrics.processCpuNanos() - cpu) / 1e3 / 2000));
        }
      }
    }
    return out.toString();
  }

  /**
   * What the engine adds to each mail: 200 {@code mail-dispatch} instances started one after the
   * other for mails already sent (their job finds the mail sent and sends nothing), then their jobs
   * run by the job executor; the JVM's CPU per instance, start and job.
   */
  static String mailDispatchAlone(
      ConfigurableApplicationContext context, JdbcTemplate jdbc, Waits waits) {
    RuntimeService runtime = context.getBean(RuntimeService.class);
    List<String> sent =
        jdbc.queryForList(
            "select cast(id as varchar) from outgoing_mail where sent_at is not null limit 200",
            String.class);
    if (sent.isEmpty()) {
      return "";
    }
    long start = System.nanoTime();
    long cpu = Metrics.processCpuNanos();
    long probes = waits.probeCpuNanos();
    for (String mail : sent) {
      runtime.startProcessInstanceByKey(
          MailDispatchProcess.KEY, "bench-" + mail, Map.of(MailOutbox.VAR_MAIL_ID, mail));
    }
    waits.until(
        "instances mail-dispatch terminées",
        () ->
            runtime
                        .createProcessInstanceQuery()
                        .processDefinitionKey(MailDispatchProcess.KEY)
                        .count()
                    == 0
                ? Boolean.TRUE
                : null);
    return String.format(
        "  instance mail-dispatch seule (%d courriels déjà envoyés, démarrage et travail) : %.1f ms, CPU %.1f ms"
            + " par instance%n",
        sent.size(),
        (System.nanoTime() - start) / 1e6 / sent.size(),
        (Metrics.processCpuNanos() - cpu - (waits.probeCpuNanos() - probes)) / 1e6 / sent.size());
  }

  record Phase(
      String report, double casesPerSecond, double cpuMsPerCase, double serverCpuMsPerCase) {}

  static Phase measure(
      String name,
      int cases,
      int actors,
      DataSource dataSource,
      ServerCpu serverCpu,
      Metrics.HeapSampler heap,
      JdbcTemplate appJdbc,
      Waits waits,
      IntConsumer drive)
      throws Exception {
    Map<String, Long> sizesBefore = DatabaseSizes.measure(dataSource);
    long pdfs = PdfTiming.COUNT.get();
    long pdfNanos = PdfTiming.NANOS.get();
    Instant since = Instant.now();
    long mailsBefore =
        appJdbc == null
            ? 0
            : appJdbc.queryForObject(
                "select count(*) from outgoing_mail where sent_at is not null", Long.class);
    String load = loadAverage();
    heap.reset();
    Map<String, long[]> threadsBefore = ThreadCpu.snapshot();
    long cpu = Metrics.processCpuNanos();
    long probes = waits.probeCpuNanos();
    long server = serverCpu.nanos();
    long[][] sqlBefore = SqlCounts.totals();
    Map<String, Long> textsBefore = SqlCounts.byText();
    long[] probeSqlBefore = waits.probeSql();
    long start = System.nanoTime();
    Map<String, long[]>[] threadsAtEnd = new Map[1];
    long[] processAtEnd = new long[1];
    int failures =
        run(
            cases,
            actors,
            drive,
            () -> {
              // Before the actors' threads end: their CPU is read from the live threads.
              processAtEnd[0] = Metrics.processCpuNanos();
              threadsAtEnd[0] = ThreadCpu.snapshot();
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    long[][] sqlAfter = SqlCounts.totals();
    long[] actorSql =
        SqlCounts.minus(
            SqlCounts.minus(sqlAfter[0], sqlBefore[0]),
            SqlCounts.minus(waits.probeSql(), probeSqlBefore));
    long[] otherSql = SqlCounts.minus(sqlAfter[1], sqlBefore[1]);
    Map<String, Long> textsAfter = SqlCounts.byText();
    double probeMs = (waits.probeCpuNanos() - probes) / 1e6 / cases;
    long processNanos = processAtEnd[0] - cpu;
    Map<String, long[]> threadsAfter = threadsAtEnd[0];
    double cpuMs = processNanos / 1e6 / cases - probeMs;
    double serverMs = (serverCpu.nanos() - server) / 1e6 / cases;
    long peak = heap.peak();
    Map<String, Long> sizesAfter = DatabaseSizes.measure(dataSource);
    StringBuilder out = new StringBuilder();
    out.append("== ").append(name).append('\n');
    out.append(
        String.format(
            "  %d dossiers complets en %.1f s : %.2f dossiers/s (%d en échec) — charge avant : %s%n",
            cases - failures, seconds, (cases - failures) / seconds, failures, load));
    out.append(
        String.format(
            "  CPU de la JVM : %.1f ms par dossier (hors %.1f ms de scrutation du pilote)",
            cpuMs, probeMs));
    if (serverCpu.available()) {
      out.append(String.format(" ; CPU de PostgreSQL : %.1f ms par dossier", serverMs));
    }
    out.append('\n');
    if (ThreadCpu.available()) {
      out.append(ThreadCpu.perCase(threadsBefore, threadsAfter, processNanos, cases));
    }
    if (appJdbc != null) {
      long rendered = PdfTiming.COUNT.get() - pdfs;
      long mails =
          appJdbc.queryForObject(
                  "select count(*) from outgoing_mail where sent_at is not null", Long.class)
              - mailsBefore;
      out.append(
          String.format(
              "  PDF : %d produits, %.1f PDF/s, %.1f ms en moyenne par PDF%n",
              rendered,
              rendered / seconds,
              rendered == 0 ? 0 : (PdfTiming.NANOS.get() - pdfNanos) / 1e6 / rendered));
      out.append(
          String.format("  courriels envoyés : %d, %.1f par seconde%n", mails, mails / seconds));
    }
    out.append(
            String.format(
                "  SQL par dossier (moteur : ordres, allers-retours, lignes lues, écrites | "
                    + "application : idem)%n    %-27s %s%n",
                "", SqlCounts.header()))
        .append(
            String.format(
                "    acteurs (hors scrutation)   %s%n", SqlCounts.format(actorSql, cases)))
        .append(
            String.format(
                "    autres fils (travaux, etc.) %s%n", SqlCounts.format(otherSql, cases)))
        .append(
            "  ordres SQL les plus fréquents, par dossier (tous les fils, scrutation comprise) :\n")
        .append(
            SqlCounts.topStatements(
                textsBefore, textsAfter, cases, intSetting("bench.sql.top", 30)));
    out.append(
        String.format(
            "  tas : pic %s pendant la phase, %s vivants après GC%n",
            Metrics.mb(peak), Metrics.mb(Metrics.liveHeapAfterGc())));
    out.append(
            "  base de données, octets par dossier clos (runtime, historique, octets, application) :\n")
        .append(DatabaseSizes.perCase(sizesBefore, sizesAfter, cases));
    return new Phase(out.toString(), (cases - failures) / seconds, cpuMs, serverMs);
  }

  /**
   * Runs {@code count} cases on {@code actors} threads; returns the number that failed (first
   * failures printed).
   */
  static int run(int count, int actors, IntConsumer drive) throws InterruptedException {
    return run(count, actors, drive, () -> {});
  }

  /** The same, calling {@code atEnd} once every case is done, before the actors' threads end. */
  static int run(int count, int actors, IntConsumer drive, Runnable atEnd)
      throws InterruptedException {
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            actors, task -> new Thread(task, SqlCounts.ACTOR + names.incrementAndGet()));
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> drive.accept(index)));
    }
    int failures = 0;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (Exception e) {
        if (failures++ < 3) {
          e.printStackTrace();
        }
      }
    }
    atEnd.run();
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return failures;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static String loadAverage() {
    try {
      return "load average "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]
          + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1]
          + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[2];
    } catch (IOException e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }
}
