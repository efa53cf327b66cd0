package fr.anef.renewal.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic authentication of {@code /engine-rest}, whose refusal also says in French
 * what may have happened — the same words whether the identifier exists, the password is wrong or
 * the account is locked. Public, with a public constructor: the engine's filter instantiates it by
 * name.
 */
public class FrenchHttpBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    response.setContentType("application/json;charset=UTF-8");
    try {
      response
          .getWriter()
          .write(
              "{\"type\":\"AuthenticationException\",\"message\":\""
                  + LoginRefusals.REFUSED
                  + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
