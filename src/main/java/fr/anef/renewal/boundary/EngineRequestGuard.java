package fr.anef.renewal.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The guard of the engine's REST API ({@code /engine-rest} and the webapps' {@code
 * /camunda/api/engine}) where the engine has no setting of its own (ADR 0008). For everyone but
 * administrators ({@code camunda-admin}):
 *
 * <ul>
 *   <li>a task's {@code submit-form} / {@code complete} and a start event's {@code submit-form} /
 *       {@code start} carry exactly the writable inputs of the deployed Camunda Form, with its
 *       types and constraints, and no business key, start instructions or skipped listeners ({@link
 *       SubmissionCheck});
 *   <li>a claim is for oneself; an analyst's {@code deployment/create} goes to the engine, which
 *       checks it;
 *   <li>every other request that changes something (variables, task properties, identity links,
 *       comments, attachments, messages, signals, modifications, users, filters…) is refused,
 *       whatever the engine's grants: Tasklist needs none of them, and some (comments, attachments)
 *       have no permission in the engine at all;
 *   <li>reads and POST queries go through, checked by the engine's authorizations.
 * </ul>
 *
 * A request on a task that does not exist any more, or that the person cannot see, gets 404 in
 * French (the engine answers 500 « task is null » on most task sub-resources). Every refusal is in
 * French and nothing is stored.
 */
class EngineRequestGuard extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 1_000_000;

  static final String FORBIDDEN =
      "Cette opération n'est pas ouverte à votre compte : seuls les formulaires de vos "
          + "démarches peuvent être envoyés.";
  static final String TASK_NOT_FOUND =
      "Cette étape n'existe pas ou plus : elle a peut-être déjà été traitée. "
          + "Actualisez votre liste de tâches.";
  static final String PROCESS_NOT_FOUND = "Cette démarche n'existe pas ou ne vous est pas ouverte.";
  static final String METHOD_OVERRIDE =
      "La requête est refusée : une méthode HTTP ne peut pas être remplacée par " + "un en-tête.";
  static final String MALFORMED = "La requête est mal formée : elle doit être un objet JSON.";
  static final String SETUP_CLOSED =
      "Le premier administrateur est créé par la configuration du serveur "
          + "(camunda.bpm.admin-user), jamais depuis le navigateur.";
  static final String FORM_MISSING =
      "Le formulaire de cette étape n'est pas déployé : votre envoi ne peut pas être "
          + "vérifié, rien n'a été enregistré. Réessayez plus tard ; l'administration est prévenue.";
  static final String TOO_LARGE =
      "La requête dépasse la taille autorisée (1 Mo) : réduisez les textes saisis.";

  private static final Logger LOG = LoggerFactory.getLogger(EngineRequestGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> SUBMIT_PROPERTIES = Set.of("variables", "withVariablesInReturn");
  private static final Set<String> START_PROPERTIES =
      Set.of("variables", "withVariablesInReturn", "businessKey");

  private static final Pattern TASK = Pattern.compile("^/task/([^/]+)(/.*)?$");

  /** Sub-paths of {@code /task} that are not a task's id. */
  private static final Set<String> TASK_COLLECTION = Set.of("count", "create", "report");

  private static final Pattern TASK_SUBMIT =
      Pattern.compile("^/task/([^/]+)/(submit-form|complete)$");
  private static final Pattern TASK_CLAIM = Pattern.compile("^/task/([^/]+)/claim$");
  private static final Pattern TASK_UNCLAIM = Pattern.compile("^/task/([^/]+)/unclaim$");
  private static final Pattern START_BY_ID =
      Pattern.compile("^/process-definition/([^/]+)/(start|submit-form)$");
  private static final Pattern START_BY_KEY =
      Pattern.compile(
          "^/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/(start|submit-form)$");
  private static final Pattern DEPLOYMENT_CREATE = Pattern.compile("^/deployment/create$");

  /**
   * The engine's history statistics of a definition: counted over every tenant (the engine applies
   * no tenant check there), so national figures. The préfectures read theirs on /gestion.
   */
  private static final Pattern HISTORY_STATISTICS =
      Pattern.compile("^/history/(process|case)-definition/[^/]+/statistics$");

  static final String NATIONAL_STATISTICS =
      "Les statistiques nationales de l'historique sont réservées aux administrateurs.";
  private static final Pattern FILTER_QUERY =
      Pattern.compile("^/filter/[^/]+/(list|count|singleResult)$");

  /** The POST endpoints of the REST API that only read (queries with a JSON body). */
  private static final Set<String> POST_QUERIES =
      Set.of(
          "/task",
          "/task/count",
          "/process-instance",
          "/process-instance/count",
          "/execution",
          "/execution/count",
          "/variable-instance",
          "/variable-instance/count",
          "/job",
          "/job/count",
          "/job-definition",
          "/job-definition/count",
          "/external-task",
          "/external-task/count",
          "/case-execution",
          "/case-execution/count",
          "/group",
          "/group/count",
          "/schema/log",
          "/history/activity-instance",
          "/history/activity-instance/count",
          "/history/variable-instance",
          "/history/variable-instance/count",
          "/history/process-instance",
          "/history/process-instance/count",
          "/history/job-log",
          "/history/job-log/count",
          "/history/task",
          "/history/task/count",
          "/history/external-task-log",
          "/history/external-task-log/count",
          "/history/case-instance",
          "/history/case-instance/count",
          "/history/detail");

  private final IdentityService identity;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final DeployedForms forms;
  private final Pattern enginePath;
  private final Pattern setupPath;
  private final UrlPathHelper paths = new UrlPathHelper();

  /**
   * @param webappPath where the Camunda webapps are served ({@code
   *     camunda.bpm.webapp.application-path})
   */
  EngineRequestGuard(
      IdentityService identity,
      TaskService tasks,
      RepositoryService repository,
      DeployedForms forms,
      String webappPath) {
    this.identity = identity;
    this.tasks = tasks;
    this.repository = repository;
    this.forms = forms;
    this.enginePath =
        Pattern.compile(
            "^(?:/engine-rest(?:/engine/([^/]+))?|"
                + Pattern.quote(webappPath)
                + "/api/engine/engine/([^/]+))(/.*)?$");
    this.setupPath = Pattern.compile("^" + Pattern.quote(webappPath) + "/api/admin/setup(/.*)?$");
  }

  /** Who sends the request, as the engine will see them. */
  private record Caller(String userId, List<String> groups, List<String> tenants) {
    boolean administrator() {
      return groups.contains(Groups.CAMUNDA_ADMIN);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = normalised(paths.getPathWithinApplication(request));
    if (setupPath.matcher(path).matches()) {
      // Camunda Admin's « create the first administrator », open to anyone while no one is in
      // camunda-admin: the first administrator comes from the configuration
      // (camunda.bpm.admin-user), never from a request.
      refuse(response, HttpServletResponse.SC_FORBIDDEN, SETUP_CLOSED);
      return;
    }
    Matcher engine = enginePath.matcher(path);
    if (!engine.matches()) {
      chain.doFilter(request, response);
      return;
    }
    boolean webapp = engine.group(2) != null;
    String route = engine.group(3) == null ? "/" : engine.group(3);
    Caller caller = webapp ? fromSession(request, engine.group(2)) : fromEngine();
    if (caller == null) {
      chain.doFilter(request, response); // the engine's own authentication answers
      return;
    }
    // The checks' lookups run as the caller (what they may see); the request then goes on as it
    // came.
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), caller.groups(), caller.tenants());
    HttpServletRequest checked;
    try {
      checked = check(request, response, route, caller);
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
    if (checked != null) {
      chain.doFilter(checked, response);
    } else {
      request.setAttribute(ServerErrorBodies.ANSWERED, Boolean.TRUE);
    }
  }

  /**
   * @return the request to pass on, or null when a refusal was written
   */
  private HttpServletRequest check(
      HttpServletRequest request, HttpServletResponse response, String route, Caller caller)
      throws IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (request.getHeader("X-HTTP-Method-Override") != null) {
      return refuse(response, HttpServletResponse.SC_BAD_REQUEST, METHOD_OVERRIDE);
    }
    if (!caller.administrator() && HISTORY_STATISTICS.matcher(route).matches()) {
      return refuse(response, HttpServletResponse.SC_FORBIDDEN, NATIONAL_STATISTICS);
    }
    Matcher task = TASK.matcher(route);
    // The task the request is about, read once (the caller's authorization applies): gone or not
    // theirs → 404.
    Task target =
        task.matches() && !TASK_COLLECTION.contains(task.group(1))
            ? visibleTask(task.group(1))
            : null;
    if (task.matches() && !TASK_COLLECTION.contains(task.group(1)) && target == null) {
      return refuse(response, HttpServletResponse.SC_NOT_FOUND, TASK_NOT_FOUND);
    }
    if (READ_METHODS.contains(method) || caller.administrator()) {
      return request;
    }
    if ("POST".equals(method)
        && (POST_QUERIES.contains(route)
            || FILTER_QUERY.matcher(route).matches()
            || DEPLOYMENT_CREATE.matcher(route).matches()
            || TASK_UNCLAIM.matcher(route).matches())) {
      return request;
    }
    Matcher submit = TASK_SUBMIT.matcher(route);
    Matcher claim = TASK_CLAIM.matcher(route);
    Matcher startById = START_BY_ID.matcher(route);
    Matcher startByKey = START_BY_KEY.matcher(route);
    if (!"POST".equals(method)
        || !(submit.matches() || claim.matches() || startById.matches() || startByKey.matches())) {
      return refuse(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE);
    }
    JsonNode json;
    try {
      json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      // JSON that does not parse, or bytes that are no text at all (Jackson's
      // CharConversionException)
      return refuse(response, HttpServletResponse.SC_BAD_REQUEST, MALFORMED);
    }
    if (json == null || !json.isObject()) {
      return refuse(response, HttpServletResponse.SC_BAD_REQUEST, MALFORMED);
    }
    List<String> errors = new ArrayList<>();
    if (claim.matches()) {
      if (!caller.userId().equals(json.path("userId").asText(null))) {
        return refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "Une tâche ne peut être prise que pour soi-même.");
      }
    } else if (submit.matches()) {
      FormSchema form = forms.ofTask(target);
      if (form == FormSchema.MISSING) {
        LOG.warn(
            "Formulaire introuvable pour la tâche {} ({} de {}) : envoi refusé",
            target.getId(),
            target.getTaskDefinitionKey(),
            target.getProcessDefinitionId());
        return refuse(response, HttpServletResponse.SC_CONFLICT, FORM_MISSING);
      }
      unexpected(json, SUBMIT_PROPERTIES, errors);
      errors.addAll(
          SubmissionCheck.errors(
              form,
              target.getName(),
              json.get("variables"),
              key -> tasks.getVariable(target.getId(), key)));
    } else {
      ProcessDefinition definition =
          startById.matches()
              ? definition(startById.group(1), null, null)
              : definition(null, startByKey.group(1), startByKey.group(2));
      if (definition == null) {
        return refuse(response, HttpServletResponse.SC_NOT_FOUND, PROCESS_NOT_FOUND);
      }
      unexpected(json, START_PROPERTIES, errors);
      JsonNode businessKey = json.path("businessKey");
      if (!businessKey.isMissingNode()
          && !businessKey.isNull()
          && !businessKey.asText().isEmpty()) {
        errors.add(
            "Le numéro de la demande est attribué par l'administration au dépôt : il ne peut pas être choisi.");
      }
      String title = definition.getName() == null ? definition.getKey() : definition.getName();
      FormSchema form = forms.ofStart(definition);
      if (form == FormSchema.MISSING) {
        LOG.warn("Formulaire de départ introuvable pour {} : envoi refusé", definition.getId());
        return refuse(response, HttpServletResponse.SC_CONFLICT, FORM_MISSING);
      }
      errors.addAll(SubmissionCheck.errors(form, title, json.get("variables"), key -> null));
    }
    if (!errors.isEmpty()) {
      return refuse(response, HttpServletResponse.SC_BAD_REQUEST, String.join(" ", errors));
    }
    return new CachedBody(request, body);
  }

  private static void unexpected(JsonNode json, Set<String> allowed, List<String> errors) {
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        errors.add(
            "La propriété « " + name + " » n'est pas acceptée dans l'envoi d'un formulaire.");
      }
    }
  }

  /** The task, if it exists and the caller may read it (the caller's authentication is set). */
  private Task visibleTask(String taskId) {
    try {
      return tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    } catch (AuthorizationException e) {
      return null;
    }
  }

  private ProcessDefinition definition(String id, String key, String tenantId) {
    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery();
    if (id != null) {
      query.processDefinitionId(id);
    } else {
      query.processDefinitionKey(key).latestVersion();
      if (tenantId != null) {
        query.tenantIdIn(tenantId);
      } else {
        query.withoutTenantId();
      }
    }
    try {
      return query.singleResult();
    } catch (AuthorizationException e) {
      return null;
    }
  }

  private Caller fromEngine() {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return null;
    }
    return new Caller(
        current.getUserId(),
        current.getGroupIds() == null ? List.of() : current.getGroupIds(),
        current.getTenantIds() == null ? List.of() : current.getTenantIds());
  }

  private static Caller fromSession(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    Authentications authentications =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(engineName);
    if (!(authentication instanceof UserAuthentication user)) {
      return null;
    }
    return new Caller(
        user.getIdentityId(),
        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
        user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds()));
  }

  /**
   * The path as the REST API matches it: decoded, without path parameters, repeated or trailing
   * slashes.
   */
  static String normalised(String path) {
    String collapsed = path.replaceAll("/{2,}", "/");
    return collapsed.length() > 1 && collapsed.endsWith("/")
        ? collapsed.substring(0, collapsed.length() - 1)
        : collapsed;
  }

  private static HttpServletRequest refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    String type =
        status == HttpServletResponse.SC_FORBIDDEN
            ? "AuthorizationException"
            : "InvalidRequestException";
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", type, "message", message)));
    return null;
  }

  /**
   * The request with its body read once by the guard and given again, unchanged, to the REST API.
   */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
