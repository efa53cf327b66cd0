package fr.anef.renewal.benchmark;

import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.PrefectureTenants;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.shared.ActorGroups;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scale figures per préfecture (issue 15): for the largest (Paris, préfecture de police), the
 * Nord and a small one (Lozère), as that préfecture's agent and manager — the agent's Tasklist
 * queue « Demandes à examiner » (page of 15 + total, as Tasklist asks), the case by its N° de la
 * demande, Cockpit's process-instance count (the engine's query as the agent: only the préfecture's
 * instances are readable), and the manager's /gestion page and its forecast CSV over HTTP, logged
 * in on /connexion as a browser is. The first /gestion of each manager computes the history's
 * figures (reused 10 minutes after): it is reported apart.
 */
final class PrefectureQueries {

  static final List<String> DEPARTMENTS = List.of("75", "59", "48");
  static final String PASSWORD = "Demo-2026!";

  /** The demo users of Paris and the Nord; the Lozère's are created here. */
  static final Map<String, String[]> USERS =
      Map.of(
          "75",
          new String[] {"agent.paris", "manager.paris"},
          "59",
          new String[] {"agent.lille", "manager.lille"},
          "48",
          new String[] {"agent.mende", "manager.mende"});

  static final int WARMUP = 5;
  static final int RUNS = 50;

  private final ApplicationContext context;
  private final JdbcTemplate jdbc;

  PrefectureQueries(ApplicationContext context, JdbcTemplate jdbc) {
    this.context = context;
    this.jdbc = jdbc;
  }

  String run() throws Exception {
    IdentityService identity = context.getBean(IdentityService.class);
    TaskService tasks = context.getBean(TaskService.class);
    FilterService filters = context.getBean(FilterService.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    Cases cases = context.getBean(Cases.class);
    Filter toReview = filters.createFilterQuery().filterName("Demandes à examiner").singleResult();
    String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    StringBuilder out =
        new StringBuilder(
            "  par préfecture (" + WARMUP + " d'échauffement puis " + RUNS + " chacune) :\n");
    for (String department : DEPARTMENTS) {
      String agent = USERS.get(department)[0];
      String manager = USERS.get(department)[1];
      ensureUser(identity, agent, ActorGroups.PREFECTURE_AGENTS, department);
      ensureUser(identity, manager, "prefecture-managers", department);
      List<String> agentGroups =
          List.of(ActorGroups.PREFECTURE_AGENTS, AgentScopes.groupOf(department));
      Map<String, Long> counts = new LinkedHashMap<>();
      jdbc.query(
          "select case when status in ('DRAFT', 'ABANDONED') then 'brouillons' when closed_at is null then 'ouverts'"
              + " else 'clos' end, count(*) from renewal_case where department = ? group by 1",
          row -> {
            counts.put(row.getString(1), row.getLong(2));
          },
          department);
      List<String> numbers =
          jdbc.queryForList(
              "select request_number from renewal_case where department = ?"
                  + " and request_number is not null order by md5(request_number) fetch first "
                  + (WARMUP + RUNS)
                  + " rows only",
              String.class,
              department);
      long toReviewTasks = as(identity, agent, agentGroups, () -> filters.count(toReview.getId()));
      WebSession session = WebSession.login(base, manager, PASSWORD);
      long firstStart = System.nanoTime();
      int firstStatus = session.get("/gestion").statusCode();
      double firstMs = (System.nanoTime() - firstStart) / 1e6;
      Metrics metrics = new Metrics();
      int failures = 0;
      for (int i = 0; i < WARMUP + RUNS; i++) {
        boolean warm = i < WARMUP;
        String number = numbers.get(i % numbers.size());
        as(
            identity,
            agent,
            agentGroups,
            () ->
                timed(
                    metrics,
                    warm,
                    "Tasklist « Demandes à examiner »",
                    () -> {
                      filters.listPage(toReview.getId(), tasks.createTaskQuery(), 0, 15);
                      return filters.count(toReview.getId(), tasks.createTaskQuery());
                    }));
        as(
            identity,
            agent,
            agentGroups,
            () ->
                timed(
                    metrics,
                    warm,
                    "dossier par N° de la demande",
                    () -> {
                      cases.byRequestNumber(number).orElseThrow();
                      return runtime
                          .createProcessInstanceQuery()
                          .processInstanceBusinessKey(number)
                          .list();
                    }));
        as(
            identity,
            agent,
            agentGroups,
            () ->
                timed(
                    metrics,
                    warm,
                    "Cockpit : nombre d'instances",
                    () ->
                        runtime
                            .createProcessInstanceQuery()
                            .processDefinitionKey(RenewalProcess.KEY)
                            .count()));
        failures +=
            timed(metrics, warm, "/gestion (page)", () -> session.get("/gestion")).statusCode()
                    == 200
                ? 0
                : 1;
        failures +=
            timed(
                            metrics,
                            warm,
                            "/gestion CSV des prévisions",
                            () -> session.get("/gestion/export.csv?tableau=previsions"))
                        .statusCode()
                    == 200
                ? 0
                : 1;
      }
      out.append(
          String.format(
              "  %s (%s) : %,d dossiers clos, %,d ouverts, %,d brouillons ; %,d tâches « à examiner » visibles"
                  + " de %s ; 1re page /gestion de %s (calcul de l'historique) : %.0f ms (HTTP %d)%s%n",
              Prefectures.name(department),
              department,
              counts.getOrDefault("clos", 0L),
              counts.getOrDefault("ouverts", 0L),
              counts.getOrDefault("brouillons", 0L),
              toReviewTasks,
              agent,
              manager,
              firstMs,
              firstStatus,
              failures == 0 ? "" : " — " + failures + " réponses HTTP autres que 200"));
      out.append(metrics.latencyTable());
    }
    return out.toString();
  }

  private static void ensureUser(
      IdentityService identity, String id, String role, String department) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName(Prefectures.name(department));
      user.setEmail(id + "@exemple.fr");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    for (String group : List.of(role, AgentScopes.groupOf(department))) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  private static <T> T as(
      IdentityService identity, String user, List<String> groups, Supplier<T> call) {
    identity.setAuthentication(user, groups, PrefectureTenants.ofGroups(identity, groups));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static <T> T timed(Metrics metrics, boolean warmup, String kind, Supplier<T> call) {
    return warmup ? call.get() : metrics.time(kind, call);
  }

  /** A browser's session: the login page, then the application's pages with the same cookies. */
  static final class WebSession {
    private final HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebSession(String base) {
      this.base = base;
    }

    /**
     * The application's login page, /connexion, as a browser fills it (its CSRF token, then the
     * form).
     */
    static WebSession login(String base, String user, String password) {
      WebSession session = new WebSession(base);
      String page = new String(session.get("/connexion").body(), StandardCharsets.UTF_8);
      java.util.regex.Matcher csrf =
          java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      if (!csrf.find()) {
        throw new IllegalStateException("page /connexion sans jeton CSRF");
      }
      String form =
          "_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
              + "&suite=%2Fgestion&identifiant="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&motDePasse="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<byte[]> login =
          session.send(
              HttpRequest.newBuilder(URI.create(base + "/connexion"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)));
      if (login.statusCode() != 302) {
        throw new IllegalStateException(
            "connexion de " + user + " refusée : HTTP " + login.statusCode());
      }
      return session;
    }

    HttpResponse<byte[]> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
      request.timeout(Duration.ofSeconds(120));
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; ")));
      }
      try {
        HttpResponse<byte[]> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String cookie : response.headers().allValues("set-cookie")) {
          String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
          cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
