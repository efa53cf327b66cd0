package fr.anef.renewal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's login page is never shown (ADR 0015): a webapp's page (Tasklist, Cockpit, Admin,
 * Welcome) asked without a logged-in session by a browser (a navigation: {@code Accept: text/html})
 * leads to the application's login, which comes back to it afterwards; other clients (the REST
 * tests fetching Camunda's XSRF cookie) get the page as before. The webapps' scripts, styles and
 * translations stay public, as in Camunda; once a webapp runs, its own turn to the login route is
 * sent to the same page by {@code app/anef/webapps.js}.
 */
class WebappLoginRedirect extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    if ("GET".equals(request.getMethod())
        && accept != null
        && accept.contains("text/html")
        && isPage(path)
        && ApplicationLogin.userOf(request).isEmpty()) {
      response.sendRedirect(
          request.getContextPath()
              + "/connexion?suite="
              + URLEncoder.encode(request.getContextPath() + path, StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * A webapp's page, not one of its resources: {@code /camunda/app/}, {@code
   * /camunda/app/tasklist/default/}…
   */
  static boolean isPage(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return path.startsWith("/camunda/app")
        && (last.isEmpty()
            || last.equals("app")
            || last.equals("index.html")
            || !last.contains("."));
  }
}
