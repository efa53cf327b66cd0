package fr.anef.renewal.security;

import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * What a FranceConnect identity opens (ADR 0021): the identité pivot (family_name = nom de
 * naissance, given_name = the first names in order, birthdate, gender) is looked up in the
 * register; exactly one person with an account → the same session as the password login ({@link
 * ApplicationLogin#logInIdentified}), back to the page asked for. No one, several persons, a person
 * without an account, or a provider that refused → a French page saying so; no account is ever
 * created here.
 */
@Component
@ConditionalOnProperty(prefix = "anef.franceconnect", name = "issuer-uri")
public class FranceConnectLogin {

  /** Session attribute: the page to return to ({@code suite} of the login page). */
  public static final String DESTINATION = "anef.franceconnect.suite";

  /** Start of the OpenID Connect exchange. */
  public static final String START =
      FranceConnectConfiguration.AUTHORIZATION_BASE
          + "/"
          + FranceConnectConfiguration.REGISTRATION_ID;

  /** The refusal page, {@code ?motif=} one of {@link Refusal}. */
  public static final String REFUSAL_PAGE = "/connexion/franceconnect/refus";

  /** Why a FranceConnect login is refused: the codes of the refusal page. */
  public enum Refusal {
    INCONNU,
    AMBIGU,
    SANS_COMPTE,
    ECHEC
  }

  private static final Logger LOG = LoggerFactory.getLogger(FranceConnectLogin.class);

  private final Register register;
  private final ApplicationLogin login;

  FranceConnectLogin(Register register, ApplicationLogin login) {
    this.register = register;
    this.login = login;
  }

  void succeeded(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    SecurityContextHolder
        .clearContext(); // Spring Security keeps nothing: the session below is the webapps'
    String destination = destination(request);
    Map<String, Object> claims = ((OidcUser) authentication.getPrincipal()).getClaims();
    List<RegisteredPerson> persons =
        register.personsWithCivilStatus(
            text(claims, "family_name"),
            text(claims, "given_name"),
            date(text(claims, "birthdate")),
            sex(text(claims, "gender")));
    if (persons.size() != 1) {
      LOG.info(
          "FranceConnect: identité {} dans le registre",
          persons.isEmpty() ? "inconnue" : "ambiguë");
      refuse(request, response, persons.isEmpty() ? Refusal.INCONNU : Refusal.AMBIGU);
      return;
    }
    String userId = persons.get(0).getForeignerNumber();
    if (!login.logInIdentified(request, userId)) {
      refuse(request, response, Refusal.SANS_COMPTE);
      return;
    }
    LOG.info("FranceConnect: connexion de {}", userId);
    response.sendRedirect(ApplicationLogin.safeDestination(request.getContextPath(), destination));
  }

  void failed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    LOG.info("FranceConnect: échec de la connexion ({})", failure.getMessage());
    refuse(request, response, Refusal.ECHEC);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, Refusal refusal)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(DESTINATION);
    }
    response.sendRedirect(
        request.getContextPath() + REFUSAL_PAGE + "?motif=" + refusal.name().toLowerCase());
  }

  private static String destination(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object destination = session == null ? null : session.getAttribute(DESTINATION);
    return destination instanceof String asked ? asked : "";
  }

  private static String text(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    return value == null ? null : value.toString();
  }

  /** FranceConnect's birthdate is YYYY-MM-DD (a partly unknown date cannot be matched). */
  private static LocalDate date(String birthdate) {
    try {
      return birthdate == null ? null : LocalDate.parse(birthdate);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** « male » / « female » → the register's M / F; anything else is not compared. */
  private static String sex(String gender) {
    if ("male".equalsIgnoreCase(gender)) {
      return "M";
    }
    return "female".equalsIgnoreCase(gender) ? "F" : null;
  }
}
