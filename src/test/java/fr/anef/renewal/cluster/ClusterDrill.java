package fr.anef.renewal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.anef.renewal.TestDates;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.processes.RenewalProcess;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * The failover drill (README « Plusieurs nœuds », {@code bench/cluster}): two nodes of the packaged
 * jar started together on an empty PostgreSQL database behind nginx, applicants filing through the
 * load balancer, one node killed ({@code SIGKILL}) in the middle of the filings. Checks that both
 * nodes came up, that a session opened on one node goes on on the other (and survives the death of
 * the first), that nothing is lost or doubled (cases, receipts, notifications, mails, timers; a
 * mail sent twice carries the same Message-ID), and measures how long the dead node's jobs waited.
 * Prints the figures; exits 1 when a check fails.
 */
public final class ClusterDrill {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "Grappe-2026!";
  static final String APPLICANT_PASSWORD = "Usager-2026!";
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final String jar;
  private final String dbUrl;
  private final String dbUser;
  private final String dbPassword;
  private final int cases;
  private final int threads;
  private final int lbPort;
  private final List<String> failures = new ArrayList<>();
  private final GreenMail smtp;
  private final Map<String, Node> nodes = new LinkedHashMap<>();

  ClusterDrill() {
    work = Path.of(System.getProperty("cluster.work", "target/cluster"));
    jar = System.getProperty("cluster.jar");
    dbUrl = System.getProperty("cluster.db.url");
    dbUser = System.getProperty("cluster.db.user", "anef");
    dbPassword = System.getProperty("cluster.db.password", "anef");
    cases = Integer.getInteger("cluster.cases", 40);
    threads = Integer.getInteger("cluster.threads", 4);
    lbPort = Integer.getInteger("cluster.port", 18180);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  }

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ClusterDrill drill = new ClusterDrill();
    int status;
    try {
      status = drill.run();
    } finally {
      drill.stopAll();
    }
    System.exit(status);
  }

  int run() throws Exception {
    Files.createDirectories(work.resolve("nginx/tmp"));
    smtp.start();
    System.out.println("== Deux nœuds démarrés ensemble sur une base vide (" + dbUrl + ")");
    long started = System.nanoTime();
    nodes.put("a", Node.start(this, "a", lbPort + 1));
    nodes.put("b", Node.start(this, "b", lbPort + 2));
    for (Node node : nodes.values()) {
      double seconds = node.awaitReady(Duration.ofMinutes(8), started);
      check(
          seconds >= 0,
          "le nœud " + node.name + " est prêt (" + (seconds < 0 ? "jamais" : seconds + " s") + ")");
    }
    startBalancer();

    System.out.println("== Une session ouverte sur un nœud, poursuivie sur l'autre");
    List<Applicant> applicants = createApplicants();
    Applicant watcher = applicants.get(0);
    Session session = Session.tasklistLogin(node("a").url(), watcher.id, APPLICANT_PASSWORD);
    check(
        session.status(node("b").url(), "/camunda/api/admin/auth/user/default") == 200,
        "connecté à Tasklist sur le nœud a, reconnu sur le nœud b");
    check(
        session.status(node("b").url(), "/mon-espace") == 200,
        "« Mon espace » sur le nœud b sans nouvelle connexion");

    System.out.println(
        "== "
            + cases
            + " dépôts par "
            + threads
            + " usagers simultanés à travers nginx ; le nœud a tué en cours");
    AtomicInteger filed = new AtomicInteger();
    Map<String, String> requestNumbers = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> runs = new ArrayList<>();
    for (Applicant applicant : applicants) {
      runs.add(
          pool.submit(
              () -> {
                requestNumbers.put(applicant.id, new Filing(balancer(), applicant).file());
                filed.incrementAndGet();
                return null;
              }));
    }
    long killAt = 0;
    List<String> orphans = List.of();
    while (killAt == 0) {
      List<String> heldByA = lockedJobs("a-%");
      if (filed.get() >= cases / 3 && (!heldByA.isEmpty() || filed.get() >= cases / 2)) {
        orphans = heldByA;
        node("a").kill();
        killAt = System.nanoTime();
        System.out.println(
            "nœud a tué (kill -9) après "
                + filed.get()
                + " dépôts ; il tenait "
                + orphans.size()
                + " job(s)");
      } else {
        Thread.sleep(20);
      }
    }
    for (Future<?> run : runs) {
      try {
        run.get(10, TimeUnit.MINUTES);
      } catch (Exception e) {
        failures.add("un dépôt a échoué : " + e.getCause());
      }
    }
    pool.shutdown();
    check(filed.get() == cases, "dépôts faits : " + filed.get() + "/" + cases);
    check(
        session.status(balancer(), "/camunda/api/admin/auth/user/default") == 200,
        "la session ouverte sur le nœud a, tué, continue sur le nœud b");

    double takenOver = awaitGone(orphans, killAt, Duration.ofMinutes(3));
    check(
        orphans.isEmpty() || takenOver >= 0,
        "les jobs du nœud tué repris en "
            + (orphans.isEmpty() ? "(aucun job tenu)" : takenOver + " s"));
    check(orphans.isEmpty() || takenOver <= 60, "reprise en moins d'une minute");
    double settled = awaitSettled(requestNumbers.size(), killAt, Duration.ofMinutes(3));
    check(settled >= 0, "tous les effets des dépôts faits " + settled + " s après la panne");

    System.out.println("== Comptes");
    countsAreExact(applicants);
    mailsOnceOrRecognisable();
    metrics();

    System.out.println(
        failures.isEmpty()
            ? "RÉSULTAT : tout est vérifié"
            : "RÉSULTAT : "
                + failures.size()
                + " vérification(s) en échec :\n  - "
                + String.join("\n  - ", failures));
    return failures.isEmpty() ? 0 : 1;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void check(boolean ok, String what) {
    System.out.println((ok ? "  ok   " : "  ÉCHEC ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  Node node(String name) {
    return nodes.get(name);
  }

  String balancer() {
    return "http://127.0.0.1:" + lbPort;
  }

  int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  Path work() {
    return work;
  }

  String jar() {
    return jar;
  }

  Map<String, String> database() {
    return Map.of(
        "DATABASE_URL", dbUrl, "DATABASE_USERNAME", dbUser, "DATABASE_PASSWORD", dbPassword);
  }

  private void startBalancer() throws Exception {
    Path conf = work.resolve("nginx/nginx.conf");
    String prefix = work.resolve("nginx").toAbsolutePath().toString();
    Files.writeString(
        conf,
        """
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          upstream anef {
            server 127.0.0.1:%2$d max_fails=1 fail_timeout=10s;
            server 127.0.0.1:%3$d max_fails=1 fail_timeout=10s;
          }
          server {
            listen 127.0.0.1:%4$d;
            client_max_body_size 60m;
            location / {
              proxy_pass http://anef;
              proxy_set_header Host $host:$server_port;
              proxy_connect_timeout 2s;
              proxy_next_upstream error timeout http_502 http_503;
            }
          }
        }
        """
            .formatted(prefix, lbPort + 1, lbPort + 2, lbPort));
    Process nginx =
        new ProcessBuilder("nginx", "-p", prefix, "-c", conf.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("nginx/start.log").toFile())
            .start();
    if (nginx.waitFor() != 0) {
      throw new IllegalStateException(
          "nginx ne démarre pas : " + Files.readString(work.resolve("nginx/start.log")));
    }
    System.out.println("nginx devant les deux nœuds : " + balancer());
  }

  void stopAll() {
    for (Node node : nodes.values()) {
      node.kill();
    }
    String prefix = work.resolve("nginx").toAbsolutePath().toString();
    try {
      new ProcessBuilder("nginx", "-p", prefix, "-c", prefix + "/nginx.conf", "-s", "stop")
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // not started
    }
    smtp.stop();
  }

  // --- applicants
  // ------------------------------------------------------------------------------------------------

  record Applicant(String id, String email) {}

  private List<Applicant> createApplicants() throws Exception {
    List<Applicant> applicants = new ArrayList<>();
    String prefix = String.valueOf(ThreadLocalRandom.current().nextInt(10, 99));
    LocalDate today = TestDates.today();
    try (Connection db = db()) {
      for (int i = 0; i < cases; i++) {
        String id = "77" + prefix + String.format("%06d", i);
        String email = "usager." + id + "@exemple.fr";
        try (var person =
                db.prepareStatement(
                    "insert into register_person (foreigner_number, birth_name, first_names, "
                        + "sex, birth_date, birth_place, birth_country, nationality, address_line, postal_code, city, country, email) "
                        + "values (?, 'GRAPPE', 'ESSAI', 'F', ?, 'Tunis', 'Tunisie', 'Tunisienne', '1 rue de Paris', '59000', 'Lille', "
                        + "'FRANCE', ?)");
            var title =
                db.prepareStatement(
                    "insert into register_title (title_number, foreigner_number, category, mention, "
                        + "valid_from, valid_until) values (?, ?, 'Etranger malade', 'VIE PRIVÉE ET FAMILIALE', ?, ?)")) {
          person.setString(1, id);
          person.setDate(2, Date.valueOf(LocalDate.of(1990, 1, 1)));
          person.setString(3, email);
          person.executeUpdate();
          title.setString(1, "78" + prefix + String.format("%06d", i));
          title.setString(2, id);
          title.setDate(3, Date.valueOf(today.minusYears(1).plusDays(90)));
          title.setDate(4, Date.valueOf(today.plusDays(90)));
          title.executeUpdate();
        }
        applicants.add(new Applicant(id, email));
      }
    }
    RestTemplate admin = Http.basic(ADMIN, ADMIN_PASSWORD);
    for (Applicant applicant : applicants) {
      Http.expect(
          admin.postForEntity(
              balancer() + "/engine-rest/user/create",
              Map.of(
                  "profile",
                      Map.of(
                          "id",
                          applicant.id,
                          "firstName",
                          "ESSAI",
                          "lastName",
                          "GRAPPE",
                          "email",
                          applicant.email),
                  "credentials", Map.of("password", APPLICANT_PASSWORD)),
              String.class),
          204);
      Http.expect(
          admin.exchange(
              balancer() + "/engine-rest/group/applicants/members/" + applicant.id,
              HttpMethod.PUT,
              null,
              String.class),
          204);
    }
    System.out.println(applicants.size() + " usagers créés (registre, comptes)");
    return applicants;
  }

  // --- database checks
  // -------------------------------------------------------------------------------------------

  Connection db() throws SQLException {
    return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
  }

  private List<String> lockedJobs(String ownerPattern) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection db = db();
        var query =
            db.prepareStatement(
                "select ID_ from ACT_RU_JOB where LOCK_OWNER_ like ? and LOCK_EXP_TIME_ is not null")) {
      query.setString(1, ownerPattern);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /**
   * Seconds from the kill until none of {@code jobs} is still waiting under the dead node's lock;
   * -1 if never.
   */
  private double awaitGone(List<String> jobs, long killAt, Duration timeout) throws Exception {
    if (jobs.isEmpty()) {
      return 0;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection db = db();
          var query =
              db.prepareStatement(
                  "select count(*) from ACT_RU_JOB where LOCK_OWNER_ like 'a-%' and ID_ in ("
                      + jobs.stream().map(id -> "?").collect(Collectors.joining(","))
                      + ")")) {
        for (int i = 0; i < jobs.size(); i++) {
          query.setString(i + 1, jobs.get(i));
        }
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          if (rows.getLong(1) == 0) {
            return seconds(killAt);
          }
        }
      }
      Thread.sleep(200);
    }
    return -1;
  }

  /**
   * Seconds from the kill until every case has its receipt and every mail is sent and no job is
   * left; -1 if never.
   */
  private double awaitSettled(int filedCases, long killAt, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection db = db();
          Statement query = db.createStatement()) {
        long receipts =
            single(
                query,
                "select count(*) from issued_document d join renewal_case c on c.id = d.case_id "
                    + "where c.applicant_id like '77%'");
        long unsent = single(query, "select count(*) from outgoing_mail where sent_at is null");
        long pendingMailJobs =
            single(
                query, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'mail-dispatch'");
        if (receipts >= filedCases && unsent == 0 && pendingMailJobs == 0) {
          return seconds(killAt);
        }
      }
      Thread.sleep(500);
    }
    return -1;
  }

  private void countsAreExact(List<Applicant> applicants) throws Exception {
    try (Connection db = db();
        Statement query = db.createStatement()) {
      long deposited =
          single(
              query,
              "select count(*) from renewal_case where applicant_id like '77%' and status <> 'DRAFT'");
      long drafts =
          single(
              query,
              "select count(*) from renewal_case where applicant_id like '77%' and status = 'DRAFT'");
      long numbers =
          single(
              query,
              "select count(distinct request_number) from renewal_case where applicant_id like '77%' "
                  + "and request_number is not null");
      check(
          deposited == applicants.size() && drafts == 0 && numbers == deposited,
          "demandes déposées : "
              + deposited
              + " (attendu "
              + applicants.size()
              + "), brouillons restants : "
              + drafts
              + ", numéros distincts : "
              + numbers);
      long receipts =
          single(
              query,
              "select count(*) from issued_document d join renewal_case c on c.id = d.case_id "
                  + "where c.applicant_id like '77%'");
      check(receipts == deposited, "récépissés : " + receipts + " (un par demande)");
      long notifications =
          single(query, "select count(*) from notification where applicant_id like '77%'");
      long doubled =
          single(
              query,
              "select count(*) from (select case_id, kind from notification where applicant_id like '77%' "
                  + "group by case_id, kind having count(*) > 1) d");
      check(
          notifications >= deposited && doubled == 0,
          "notifications : " + notifications + ", en double : " + doubled);
      long mails =
          single(
              query,
              "select count(*) from outgoing_mail o join renewal_case c on c.id = o.case_id "
                  + "where c.applicant_id like '77%'");
      long unsent = single(query, "select count(*) from outgoing_mail where sent_at is null");
      check(
          mails >= deposited && unsent == 0,
          "courriels dans la file : " + mails + ", non envoyés : " + unsent);
      long timers = single(query, "select count(*) from ACT_RU_JOB where TYPE_ = 'timer'");
      long doubledTimers =
          single(
              query,
              "select count(*) from (select PROCESS_INSTANCE_ID_, JOB_DEF_ID_ from ACT_RU_JOB "
                  + "where TYPE_ = 'timer' group by PROCESS_INSTANCE_ID_, JOB_DEF_ID_ having count(*) > 1) d");
      check(
          doubledTimers == 0,
          "minuteries en attente : " + timers + ", en double : " + doubledTimers);
      long failed = single(query, "select count(*) from ACT_RU_JOB where RETRIES_ = 0");
      long incidents = single(query, "select count(*) from ACT_RU_INCIDENT");
      check(
          failed == 0 && incidents == 0,
          "jobs en échec : " + failed + ", incidents : " + incidents);
    }
  }

  private void mailsOnceOrRecognisable() throws Exception {
    Map<String, Integer> byMessageId = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      byMessageId.merge(message.getMessageID(), 1, Integer::sum);
    }
    long sent;
    try (Connection db = db();
        Statement query = db.createStatement()) {
      sent = single(query, "select count(*) from outgoing_mail where sent_at is not null");
    }
    long duplicates = byMessageId.values().stream().filter(n -> n > 1).mapToInt(n -> n - 1).sum();
    check(
        byMessageId.size() == sent,
        "courriels reçus : "
            + smtp.getReceivedMessages().length
            + ", Message-ID distincts : "
            + byMessageId.size()
            + " (= envoyés enregistrés : "
            + sent
            + ")");
    System.out.println("  info doublons reconnaissables (même Message-ID) : " + duplicates);
  }

  private void metrics() {
    ResponseEntity<String> metrics =
        Http.basic(ADMIN, ADMIN_PASSWORD)
            .getForEntity(node("b").url() + "/actuator/prometheus", String.class);
    if (metrics.getStatusCode().value() != 200) {
      check(false, "métriques du nœud b : HTTP " + metrics.getStatusCode().value());
      return;
    }
    for (String line : metrics.getBody().split("\n")) {
      if (line.startsWith("anef_mail_smtp_seconds_max")
          || line.startsWith("anef_mail_unconfirmed_seconds_max")
          || line.startsWith("anef_mail_unconfirmed_seconds{")
          || line.startsWith("anef_mail_smtp_seconds{")
          || line.startsWith("anef_jobs_")) {
        System.out.println("  info " + line);
      }
    }
  }

  private static long single(Statement query, String sql) throws SQLException {
    try (ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static double seconds(long since) {
    return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
  }

  // --- one node
  // --------------------------------------------------------------------------------------------------

  static final class Node {
    final String name;
    final int port;
    final Process process;

    private Node(String name, int port, Process process) {
      this.name = name;
      this.port = port;
      this.process = process;
    }

    static Node start(ClusterDrill drill, String name, int port) throws IOException {
      ProcessBuilder builder =
          new ProcessBuilder("java", "-Xmx512m", "-jar", drill.jar(), "--server.port=" + port)
              .redirectErrorStream(true)
              .redirectOutput(drill.work().resolve("node-" + name + ".log").toFile());
      Map<String, String> env = builder.environment();
      env.putAll(drill.database());
      env.put("SPRING_PROFILES_ACTIVE", "postgres");
      env.put("SMTP_HOST", "127.0.0.1");
      env.put("SMTP_PORT", String.valueOf(drill.smtpPort()));
      env.put("SESSION_COOKIE_SECURE", "false"); // plain HTTP on localhost
      env.put("CAMUNDA_BPM_ADMIN_USER_ID", ADMIN);
      env.put("CAMUNDA_BPM_ADMIN_USER_PASSWORD", ADMIN_PASSWORD);
      env.put("ANEF_NODE_NAME", name);
      env.put("PUBLIC_LOGIN_URL", drill.balancer() + "/connexion?suite=/mon-espace/notifications");
      return new Node(name, port, builder.start());
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    /**
     * Seconds from {@code since} until the readiness probe answers UP; -1 if the node died or never
     * did.
     */
    double awaitReady(Duration timeout, long since) throws InterruptedException {
      RestTemplate http = Http.anonymous();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          if (http.getForEntity(url() + "/actuator/health/readiness", String.class)
                  .getStatusCode()
                  .value()
              == 200) {
            return seconds(since);
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      return -1;
    }

    void kill() {
      if (process.isAlive()) {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
        try {
          process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  // --- one applicant's filing, retried as a person would after an error
  // --------------------------------------------

  static final class Filing {
    private final String base;
    private final Applicant applicant;
    private final RestTemplate http;

    Filing(String base, Applicant applicant) {
      this.base = base;
      this.applicant = applicant;
      this.http = Http.basic(applicant.id, APPLICANT_PASSWORD);
    }

    /** Files the renewal through the load balancer and returns its N° de la demande. */
    String file() throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      String instance = null;
      while (System.nanoTime() < deadline) {
        try {
          if (instance == null) {
            instance = currentInstance();
            if (instance == null) {
              ResponseEntity<String> started =
                  http.postForEntity(
                      base + "/engine-rest/process-definition/key/residence-permit-renewal/start",
                      Map.of("variables", variables(Map.of("renewalRequested", true))),
                      String.class);
              if (started.getStatusCode().value() == 200) {
                instance = JSON.readTree(started.getBody()).get("id").asText();
              } else {
                pause();
              }
              continue;
            }
          }
          JsonNode tasks =
              JSON.readTree(
                  http.getForObject(
                      base + "/engine-rest/task?processInstanceId=" + instance, String.class));
          if (tasks.isEmpty()) {
            JsonNode filed = JSON.readTree(http.getForObject(base + "/api/demandes", String.class));
            for (JsonNode one : filed) {
              if (!one.path("requestNumber").isMissingNode()
                  && !one.path("requestNumber").isNull()) {
                return one.get("requestNumber").asText();
              }
            }
            pause();
            continue;
          }
          JsonNode task = tasks.get(0);
          step(task.get("taskDefinitionKey").asText(), task.get("id").asText());
        } catch (RuntimeException | IOException retry) {
          pause(); // the node behind the balancer died mid-request: look again, then go on
        }
      }
      throw new IllegalStateException("dépôt non terminé en 5 min pour " + applicant.id);
    }

    private String currentInstance() throws IOException {
      JsonNode tasks = JSON.readTree(http.getForObject(base + "/engine-rest/task", String.class));
      return tasks.isEmpty() ? null : tasks.get(0).get("processInstanceId").asText();
    }

    private void step(String activity, String taskId) throws IOException {
      Map<String, Object> values =
          switch (activity) {
            case RenewalProcess.PERSONAL_INFORMATION ->
                Map.of(
                    "email",
                    applicant.email,
                    "phone",
                    "06 12 34 56 78",
                    "housingType",
                    "OWN",
                    "action",
                    "NEXT");
            case RenewalProcess.REASON_FOR_STAY ->
                Map.of(
                    "maritalStatus",
                    "SINGLE",
                    "dependentChildren",
                    "NO",
                    "attestationNoPolygamy",
                    true,
                    "attestationPenalties",
                    true,
                    "action",
                    "NEXT");
            case RenewalProcess.SUPPORTING_DOCUMENTS -> {
              JsonNode required =
                  JSON.readTree(
                      http.getForObject(
                          base + "/api/demandes/courante/justificatifs", String.class));
              for (JsonNode requirement : required.get("requirements")) {
                if (requirement.path("files").isEmpty()) {
                  upload(requirement.get("code").asText());
                }
              }
              yield Map.of(
                  "ephotoNumber",
                  "1234567890123456789012",
                  "ephotoNumberConfirmation",
                  "1234567890123456789012",
                  "action",
                  "NEXT");
            }
            case RenewalProcess.DEPOSIT -> Map.of("observations", "Aucune.", "action", "NEXT");
            default -> throw new IllegalStateException("étape inattendue " + activity);
          };
      http.postForEntity(
          base + "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", variables(values)),
          String.class);
    }

    private void upload(String code) {
      LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
      body.add(
          "fichiers",
          new ByteArrayResource(TestFiles.pdf()) {
            @Override
            public String getFilename() {
              return code.toLowerCase() + ".pdf";
            }
          });
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      http.postForEntity(
          base + "/api/demandes/courante/justificatifs/" + code,
          new HttpEntity<>(body, headers),
          String.class);
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
      Map<String, Object> variables = new HashMap<>();
      values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
      return variables;
    }

    private static void pause() {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // --- a browser session (Tasklist login), replayed on any node
  // -----------------------------------------------------

  static final class Session {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    static Session tasklistLogin(String base, String user, String password) {
      Session session = new Session();
      session.exchange(base, HttpMethod.GET, "/camunda/app/tasklist/", null);
      LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", user);
      form.add("password", password);
      int status =
          session
              .exchange(
                  base,
                  HttpMethod.POST,
                  "/camunda/api/admin/auth/user/default/login/tasklist",
                  form)
              .getStatusCode()
              .value();
      if (status != 200) {
        throw new IllegalStateException("connexion à Tasklist refusée : HTTP " + status);
      }
      session.exchange(base, HttpMethod.GET, "/camunda/api/admin/auth/user/default", null);
      return session;
    }

    int status(String base, String path) {
      return exchange(base, HttpMethod.GET, path, null).getStatusCode().value();
    }

    private ResponseEntity<String> exchange(
        String base, HttpMethod method, String path, Object form) {
      HttpHeaders headers = new HttpHeaders();
      if (form != null) {
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      }
      if (!cookies.isEmpty()) {
        headers.add(
            HttpHeaders.COOKIE,
            cookies.entrySet().stream()
                .map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; ")));
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      ResponseEntity<String> response =
          Http.anonymous()
              .exchange(base + path, method, new HttpEntity<>(form, headers), String.class);
      for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
        String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return response;
    }
  }

  static final class Http {
    static RestTemplate anonymous() {
      JdkClientHttpRequestFactory factory =
          new JdkClientHttpRequestFactory(
              java.net.http.HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(3))
                  .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                  .build());
      factory.setReadTimeout(Duration.ofSeconds(60));
      RestTemplate http = new RestTemplate(factory);
      http.setErrorHandler(
          new DefaultResponseErrorHandler() {
            @Override
            protected boolean hasError(org.springframework.http.HttpStatusCode status) {
              return false;
            }
          });
      return http;
    }

    static RestTemplate basic(String user, String password) {
      RestTemplate http = anonymous();
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      http.getInterceptors()
          .add(
              (request, body, execution) -> {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Basic " + token);
                return execution.execute(request, body);
              });
      return http;
    }

    static void expect(ResponseEntity<String> response, int status) {
      if (response.getStatusCode().value() != status) {
        throw new IllegalStateException(
            "HTTP " + response.getStatusCode().value() + " : " + response.getBody());
      }
    }
  }
}
