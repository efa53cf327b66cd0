package fr.anef.renewal.web;

import fr.anef.renewal.security.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Synchronizer token for state-changing requests authenticated by the session cookie (HTML forms):
 * a page gets the session's token, a POST must send it back. Requests authenticated by HTTP Basic
 * carry no ambient credential and need none. The public account pages ({@link #forPublicForms()})
 * ask it of every POST: nobody is logged in there, but a forged form must not request accounts or
 * resets.
 */
class CsrfTokens implements HandlerInterceptor {

  static final String PARAMETER = "_csrf";
  static final String HEADER = "X-CSRF-Token";
  private static final String SESSION_ATTRIBUTE = CsrfTokens.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final boolean everyPost;

  private CsrfTokens(boolean everyPost) {
    this.everyPost = everyPost;
  }

  /** For the pages of logged-in users: POSTs authenticated by the session cookie. */
  static CsrfTokens forSessionForms() {
    return new CsrfTokens(false);
  }

  /** For public forms: every POST. */
  static CsrfTokens forPublicForms() {
    return new CsrfTokens(true);
  }

  static String tokenOf(HttpServletRequest request) {
    Object token = request.getSession().getAttribute(SESSION_ATTRIBUTE);
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = HexFormat.of().formatHex(bytes);
      request.getSession().setAttribute(SESSION_ATTRIBUTE, token);
    }
    return token.toString();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      return true;
    }
    Object user = request.getAttribute(AppUser.class.getName());
    if (!everyPost && (!(user instanceof AppUser appUser) || !appUser.viaSession())) {
      return true;
    }
    String sent =
        request.getHeader(HEADER) != null
            ? request.getHeader(HEADER)
            : request.getParameter(PARAMETER);
    Object expected =
        request.getSession(false) == null
            ? null
            : request.getSession(false).getAttribute(SESSION_ATTRIBUTE);
    if (expected != null && expected.equals(sent)) {
      return true;
    }
    response.sendError(
        HttpServletResponse.SC_FORBIDDEN,
        "Formulaire expiré ou envoyé depuis un autre site : rechargez la page et recommencez.");
    return false;
  }
}
