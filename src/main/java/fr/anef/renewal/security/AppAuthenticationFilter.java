package fr.anef.renewal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the application's pages and API: the user logged into the Camunda webapps in this
 * HTTP session (Tasklist's login), or HTTP Basic checked by the engine's identity service (login
 * throttling included). Pages send an anonymous visitor to the application's login (/connexion),
 * which brings them back to the page asked; the API answers 401 in French.
 */
class AppAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";

  private final IdentityService identity;

  AppAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<AppUser> user = fromBasic(request).or(() -> fromSession(request));
    if (user.isEmpty()) {
      refuse(request, response);
      return;
    }
    request.setAttribute(AppUser.REQUEST_ATTRIBUTE, user.get());
    chain.doFilter(request, response);
  }

  private Optional<AppUser> fromSession(HttpServletRequest request) {
    return ApplicationLogin.userOf(request)
        .map(userId -> new AppUser(userId, groupsOf(userId), true));
  }

  private Optional<AppUser> fromBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    String userId = decoded.substring(0, colon);
    return identity.checkPassword(userId, decoded.substring(colon + 1))
        ? Optional.of(new AppUser(userId, groupsOf(userId), false))
        : Optional.empty();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"ANEF\", charset=\"UTF-8\"");
      response.setContentType("application/json;charset=UTF-8");
      String header = request.getHeader("Authorization");
      boolean sentCredentials = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
      response
          .getWriter()
          .write(
              "{\"messages\":[\""
                  + (sentCredentials ? LoginRefusals.REFUSED : LoginRefusals.REQUIRED)
                  + "\"]}");
    } else {
      String asked =
          request.getRequestURI()
              + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      response.sendRedirect(
          request.getContextPath()
              + "/connexion?suite="
              + java.net.URLEncoder.encode(asked, StandardCharsets.UTF_8));
    }
  }
}
