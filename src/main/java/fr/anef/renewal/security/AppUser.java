package fr.anef.renewal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The person behind a request to the application's own pages and API. */
public record AppUser(String id, List<String> groups, boolean viaSession) {

  static final String REQUEST_ATTRIBUTE = AppUser.class.getName();

  public boolean isIn(String group) {
    return groups.contains(group);
  }

  /** The user the {@link AppAuthenticationFilter} authenticated for this request. */
  public static AppUser of(HttpServletRequest request) {
    AppUser user = (AppUser) request.getAttribute(REQUEST_ATTRIBUTE);
    if (user == null) {
      throw new IllegalStateException("request not authenticated by AppAuthenticationFilter");
    }
    return user;
  }
}
