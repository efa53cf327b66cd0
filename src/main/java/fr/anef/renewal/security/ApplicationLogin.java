package fr.anef.renewal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The application's one login (page /connexion, ADR 0015): the password is checked by the engine's
 * identity service (login throttling and lock-out included, {@code LockingIdentityProvider}), then
 * the HTTP session gets the very authentication Camunda's webapps keep in it — the one their own
 * login would have written (groups, tenants and the webapps the user may open, computed by
 * Camunda's {@link AuthenticationUtil}) — in a new session (no fixation). Tasklist, Cockpit, Admin
 * and the application's pages then all read the same session.
 */
@Component
public class ApplicationLogin {

  private final ProcessEngine engine;

  ApplicationLogin(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * Logs in; false (and the session untouched) when the identifier and password are refused,
   * whatever the cause.
   */
  public boolean logIn(HttpServletRequest request, String userId, String password) {
    if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
      return false;
    }
    engine.getIdentityService().clearAuthentication();
    if (!engine.getIdentityService().checkPassword(userId, password)) {
      return false;
    }
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (authentication == null) {
      return false;
    }
    AuthenticationUtil.revalidateSession(request, authentication);
    return true;
  }

  /**
   * Logs in a user whose identity an identity provider has proven (FranceConnect, {@code
   * FranceConnectLogin}): no password, the same session as {@link #logIn} otherwise. Server code
   * only, after that proof; false (and the session untouched) when the engine has no such user.
   */
  public boolean logInIdentified(HttpServletRequest request, String userId) {
    if (userId == null
        || userId.isBlank()
        || engine.getIdentityService().createUserQuery().userId(userId).count() != 1) {
      return false;
    }
    engine.getIdentityService().clearAuthentication();
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (authentication == null) {
      return false;
    }
    AuthenticationUtil.revalidateSession(request, authentication);
    return true;
  }

  /** The user logged in this session, if any. */
  public static Optional<String> userOf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(AppAuthenticationFilter.ENGINE);
    return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
  }

  /** Ends the session (the webapps' authentication with it). */
  public static void logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /**
   * Where to go after the login: {@code asked} when it is a path of this application (never another
   * site, never a protocol-relative or back-slashed address), else the applicant's Tasklist.
   */
  public static String safeDestination(String contextPath, String asked) {
    String fallback = contextPath + "/camunda/app/tasklist/";
    if (asked == null
        || asked.isBlank()
        || !asked.startsWith("/")
        || asked.startsWith("//")
        || asked.contains("\\")
        || asked.chars().anyMatch(c -> c < 0x20)) {
      return fallback;
    }
    return asked.startsWith(contextPath + "/") ? asked : contextPath + asked;
  }
}
