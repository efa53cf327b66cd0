package fr.anef.renewal.web;

import fr.anef.renewal.shared.RequestFilters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload larger than the server takes (the multipart {@code max-request-size}) answered in
 * French: the upload pages show « L'envoi dépasse la taille autorisée : 10 Mo par fichier. », the
 * JSON API answers 413 with {@code {"messages":[…]}}.
 *
 * <p>Why a filter: Spring parses the multipart body in the {@code DispatcherServlet} before it
 * knows the handler, so the {@code MaxUploadSizeExceededException} never reached the controllers'
 * handlers (only Spring's default, an empty 413); and Tomcat reads at most {@code maxSwallowSize}
 * (2 Mo) of a body left unread before closing the connection, so a client still sending 60 Mo got a
 * reset, never the answer. The filter refuses on the declared {@code Content-Length} before
 * anything is parsed, reads and discards the body (up to {@link #MAX_DRAINED}) so that the client
 * reads the answer, and stores nothing. A body without a length (chunked) is bounded by the
 * multipart parser; its exception gets the same answers ({@link TooLargeAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeLimit {

  static final String MESSAGE = "L'envoi dépasse la taille autorisée : 10 Mo par fichier.";

  /** Beyond this, the body is not read: the connection is closed after the answer. */
  static final long MAX_DRAINED = 256L * 1024 * 1024;

  private static final Pattern COUNTER_UPLOAD =
      Pattern.compile("^/agent/guichet/demandes/([0-9a-fA-F-]{36})/justificatifs(/.*)?$");
  private static final Pattern OFII_UPLOAD =
      Pattern.compile("^/ofii/dossiers/([0-9a-fA-F-]{36})/pieces$");
  private static final Pattern COMPLEMENT_REPLY =
      Pattern.compile("^/mon-espace/notifications/([0-9a-fA-F-]{36})/reponse$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> uploadSizeLimitFilter(
      MultipartProperties multipart) {
    long limit = multipart.getMaxRequestSize().toBytes();
    // Inside Spring Session's filter (SessionRepositoryFilter.DEFAULT_ORDER), so that the refusal
    // it flashes lands in the shared session the next page reads.
    return RequestFilters.register(
        "uploadSizeLimit",
        SessionRepositoryFilter.DEFAULT_ORDER + 10,
        (request, response, chain) -> {
          String contentType = request.getContentType();
          long length = request.getContentLengthLong();
          if (limit > 0
              && length > limit
              && contentType != null
              && contentType.toLowerCase().startsWith("multipart/")) {
            if (length <= MAX_DRAINED) {
              drain(request.getInputStream());
            } else {
              response.setHeader("Connection", "close");
            }
            refuse(request, response);
            return;
          }
          chain.doFilter(request, response);
        },
        "/api/*",
        "/mon-espace/*",
        "/agent/*",
        "/ofii/*");
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    while (body.read(buffer) >= 0) {
      // discarded: nothing of a refused sending is kept
    }
  }

  /** The French answer, by where the sending came from. */
  static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String page = pageOf(path);
    if (page == null) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
      response.getWriter().write("{\"messages\":[\"" + MESSAGE + "\"]}");
      return;
    }
    FlashMap flash = new FlashMap();
    flash.put("errors", List.of(MESSAGE));
    flash.setTargetRequestPath(request.getContextPath() + page);
    new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
    response.setStatus(HttpStatus.SEE_OTHER.value());
    response.setHeader("Location", request.getContextPath() + page + "#erreurs");
  }

  /**
   * The page that shows the error of a sending to {@code path}, or null for the JSON API and
   * anything else.
   */
  static String pageOf(String path) {
    if (path.startsWith("/mon-espace/justificatifs")) {
      return "/mon-espace/justificatifs";
    }
    Matcher counter = COUNTER_UPLOAD.matcher(path);
    if (counter.matches()) {
      return "/agent/guichet/demandes/" + counter.group(1) + "/justificatifs";
    }
    Matcher ofii = OFII_UPLOAD.matcher(path);
    if (ofii.matches()) {
      return "/ofii/dossiers/" + ofii.group(1);
    }
    Matcher reply = COMPLEMENT_REPLY.matcher(path);
    if (reply.matches()) {
      return "/mon-espace/notifications/" + reply.group(1);
    }
    return null;
  }

  /** A body without a declared length, stopped by the multipart parser: the same answers. */
  @ControllerAdvice
  static class TooLargeAdvice {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
      refuse(request, response);
    }
  }
}
