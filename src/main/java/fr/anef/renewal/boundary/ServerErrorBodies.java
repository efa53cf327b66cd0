package fr.anef.renewal.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server failures (5xx) on the JSON doors — the engine's REST API, the webapps' API, the
 * application's API — answer a French message and a reference, never the engine's body, which names
 * the exception's class ({@code "type":"ProcessEngineException"}) and its internal message (SQL,
 * table names). The reference is logged with the failure, so that support finds the cause from what
 * the person reads. The engine REST API's « not found » (404) answers one French message too,
 * whatever was not found: the same as another préfecture's case asked by its id.
 *
 * <p>One door keeps the engine's answer: a deployment ({@code …/deployment/create}, Modeler's «
 * Deploy »), open only to analysts and administrators. The model checks' French refusal
 * (fr.anef.renewal.models) is a parse error the engine answers 400; a DMN or a form the engine
 * cannot read is still its 500, whose message the analyst needs to mend the file.
 */
final class ServerErrorBodies extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ServerErrorBodies.class);

  /** The engine's tenant check's refusal (its CommandLogger, message 037). */
  static final String OTHER_TENANT = "because it belongs to no authenticated tenant";

  /** The engine's answer to a read of an entity that does not exist (its ensureNotNull checks). */
  static final String ENTITY_MISSING = "\"type\":\"NullValueException\"";

  /**
   * What the engine's REST API answers for anything not found, and for another préfecture's case
   * asked by its id: one message, so that the answer does not tell an id that exists elsewhere from
   * one that exists nowhere.
   */
  static final String NOT_YOURS = "Cet élément n'existe pas ou ne vous est pas ouvert.";

  /** Set by {@link EngineRequestGuard} on a request it answered itself (its body is kept). */
  static final String ANSWERED = ServerErrorBodies.class.getName() + ".answered";

  /** The engine's API inside the webapps (Tasklist's and Cockpit's calls). */
  static final String WEBAPP_ENGINE = "/api/engine/engine/";

  /** How much of a failed body is read. */
  static final int KEPT = 4096;

  static final String MESSAGE =
      "Le service est momentanément indisponible. Réessayez dans quelques minutes ; "
          + "si le problème persiste, communiquez la référence %s à l'assistance.";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().endsWith("/deployment/create")) {
      chain.doFilter(request, response);
      return;
    }
    String uri = request.getRequestURI();
    boolean engineApi =
        uri.startsWith(request.getContextPath() + "/engine-rest/") || uri.contains(WEBAPP_ENGINE);
    FailureCapture capture = new FailureCapture(response, engineApi);
    Throwable thrown = null;
    try {
      chain.doFilter(request, capture);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      thrown = e;
      capture.status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
    if (capture.status == HttpServletResponse.SC_NOT_FOUND && engineApi && thrown == null) {
      if (request.getAttribute(ANSWERED) != null) {
        capture.release(); // the guard's own French answer (« Cette étape n'existe pas ou plus… »)
        return;
      }
      // The engine's own « not found » names the id and the entity, in English; another
      // préfecture's case (below) must not be told apart from an id that exists nowhere.
      answer(response, HttpServletResponse.SC_NOT_FOUND, "Introuvable", NOT_YOURS);
      return;
    }
    if (capture.status < 500 || response.isCommitted()) {
      return;
    }
    if (thrown == null
        && engineApi
        && "GET".equals(request.getMethod())
        && capture.failedBody().contains(ENTITY_MISSING)) {
      // A read by id of something that exists nowhere: most sub-resources answer the engine's
      // « execution … doesn't exist » as a failure (500); to the caller it is not found.
      answer(response, HttpServletResponse.SC_NOT_FOUND, "Introuvable", NOT_YOURS);
      return;
    }
    if (thrown == null && capture.failedBody().contains(OTHER_TENANT)) {
      // The engine's tenant check (ADR 0043): a case of another préfecture, asked by its id. The
      // engine answers it as a failure (500); to the caller it is a case they cannot see.
      LOG.info(
          "Refusé (hors de la préfecture) : {} {}", request.getMethod(), request.getRequestURI());
      answer(response, HttpServletResponse.SC_NOT_FOUND, "Introuvable", NOT_YOURS);
      return;
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.error(
        "Erreur {} sur {} {}, référence {}",
        capture.status,
        request.getMethod(),
        request.getRequestURI(),
        reference,
        thrown);
    answer(response, capture.status, "ErreurServeur", MESSAGE.formatted(reference));
  }

  private static void answer(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] body =
        ("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length); // the length the failed body had declared
    response.getOutputStream().write(body);
  }

  /** Lets every answer through except a 5xx one's body, which it drops. */
  private static final class FailureCapture extends HttpServletResponseWrapper {

    int status = SC_OK;

    /** The failed body's first bytes, read for the engine's tenant refusal only. */
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    private final ServletOutputStream discard =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            if (kept.size() < KEPT) {
              kept.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            kept.write(b, off, Math.max(0, Math.min(len, KEPT - kept.size())));
          }
        };

    private PrintWriter writer;

    /** Writes the held answer as it was written (a short body: the guard's refusal). */
    void release() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      HttpServletResponse real = (HttpServletResponse) getResponse();
      real.setStatus(status);
      real.setContentLength(kept.size());
      real.getOutputStream().write(kept.toByteArray());
    }

    String failedBody() {
      if (writer != null) {
        writer.flush();
      }
      return kept.toString(StandardCharsets.UTF_8);
    }

    /** Whether a 404's body is dropped too (the engine's REST API). */
    private final boolean notFound;

    FailureCapture(HttpServletResponse response, boolean notFound) {
      super(response);
      this.notFound = notFound;
    }

    private boolean failed() {
      return status >= 500 || (notFound && status == SC_NOT_FOUND);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      if (!failed()) {
        super.setStatus(sc);
      }
    }

    @Override
    public void sendError(int sc) throws IOException {
      sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      status = sc;
      if (!failed()) {
        super.sendError(sc, msg);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return failed() ? discard : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!failed()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(discard, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      if (!failed()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!failed()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!failed() || !"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!failed() || !"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!failed()) {
        super.flushBuffer();
      }
    }
  }
}
