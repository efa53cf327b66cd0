package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser's session against the running server: its cookies (JSESSIONID, Camunda's XSRF-TOKEN),
 * the CSRF token of the last page of the application it read, and the Tasklist login.
 */
final class WebSession {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

  private final TestRestTemplate http;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;

  WebSession(TestRestTemplate http) {
    this.http = http;
  }

  /**
   * Tasklist's login form ({@code POST /camunda/api/admin/auth/user/default/login/tasklist}); the
   * HTTP status.
   */
  int tasklistLogin(String user, String password) {
    exchange(HttpMethod.GET, "/camunda/app/tasklist/", null, null);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    int status =
        exchange(
                HttpMethod.POST,
                "/camunda/api/admin/auth/user/default/login/tasklist",
                form,
                MediaType.APPLICATION_FORM_URLENCODED)
            .getStatusCode()
            .value();
    // The login renews the session: Tasklist then reads its user, which hands out the new session's
    // XSRF token.
    exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, null);
    return status;
  }

  /** A request of the Camunda webapps' own API (needs the XSRF header for a change). */
  ResponseEntity<String> webappApi(HttpMethod method, String url, String json) {
    return exchange(method, url, json, MediaType.APPLICATION_JSON);
  }

  /**
   * A page of the application, as a person reads it (apostrophes unescaped); remembers its CSRF
   * token.
   */
  ResponseEntity<String> get(String url) {
    ResponseEntity<String> page = unescaped(exchange(HttpMethod.GET, url, null, null));
    Matcher token = CSRF.matcher(page.getBody() == null ? "" : page.getBody());
    if (token.find()) {
      csrf = token.group(1);
    }
    return page;
  }

  /** A form of the last page read, posted with that page's CSRF token. */
  ResponseEntity<String> post(String url, Map<String, String> fields) {
    assertThat(csrf).as("a page with a form was read first").isNotNull();
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    form.add("_csrf", csrf);
    return unescaped(exchange(HttpMethod.POST, url, form, MediaType.APPLICATION_FORM_URLENCODED));
  }

  private ResponseEntity<String> exchange(
      HttpMethod method, String url, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (type != null) {
      headers.setContentType(type);
    }
    if (!cookies.isEmpty()) {
      headers.add(
          HttpHeaders.COOKIE,
          String.join(
              "; ",
              cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    ResponseEntity<String> response =
        http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return response;
  }

  static ResponseEntity<String> unescaped(ResponseEntity<String> response) {
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .body(response.getBody() == null ? null : HtmlUtils.htmlUnescape(response.getBody()));
  }

  /** Waits, at most {@code timeout}, for a value; fails with {@code what} if none came. */
  static <T> T await(String what, Duration timeout, Supplier<T> value) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    do {
      T found = value.get();
      if (found != null) {
        return found;
      }
      Thread.sleep(100); // a look every 100 ms until the deadline, not a guess at how long it takes
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("not within " + timeout + ": " + what);
  }

  /** The subject and text of each mail the SMTP server received for {@code address}, decoded. */
  static List<String> mailsTo(GreenMail greenMail, String address) {
    List<String> bodies = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
          Object content = message.getContent();
          bodies.add(
              message.getSubject()
                  + "\n"
                  + (content instanceof String text ? text : GreenMailUtil.getBody(message)));
        }
      } catch (jakarta.mail.MessagingException | java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return bodies;
  }
}
