package fr.anef.renewal.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
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
 * the person reads.
 *
 * <p>One door keeps the engine's answer: a deployment ({@code …/deployment/create}, Modeler's «
 * Deploy »), open only to analysts and administrators. The model checks' French refusal
 * (fr.anef.renewal.models) is a parse error the engine answers 400; a DMN or a form the engine
 * cannot read is still its 500, whose message the analyst needs to mend the file.
 */
final class ServerErrorBodies extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ServerErrorBodies.class);

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
    FailureCapture capture = new FailureCapture(response);
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
    if (capture.status < 500 || response.isCommitted()) {
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
    response.resetBuffer();
    response.setStatus(capture.status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] body =
        ("{\"type\":\"ErreurServeur\",\"message\":\"" + MESSAGE.formatted(reference) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length); // the length the failed body had declared
    response.getOutputStream().write(body);
  }

  /** Lets every answer through except a 5xx one's body, which it drops. */
  private static final class FailureCapture extends HttpServletResponseWrapper {

    int status = SC_OK;
    private final ServletOutputStream discard =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {}

          @Override
          public void write(byte[] b, int off, int len) {}
        };

    FailureCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean failed() {
      return status >= 500;
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
      return failed()
          ? new PrintWriter(new OutputStreamWriter(discard, StandardCharsets.UTF_8))
          : super.getWriter();
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
