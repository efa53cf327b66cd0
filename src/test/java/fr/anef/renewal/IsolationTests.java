package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import fr.anef.renewal.TestFilings.Filed;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.filing.FilingService;
import fr.anef.renewal.filing.RenewalCase;
import fr.anef.renewal.notification.NotificationFilter;
import fr.anef.renewal.notification.NotificationService;
import fr.anef.renewal.register.Register;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application that takes an id, requested by another applicant with the ids of a
 * filed case: 403 or 404 and nothing of the case. The endpoints are enumerated from Spring MVC's mappings,
 * so a new endpoint is tested as soon as it exists — and an id kind this test does not know fails it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IsolationTests {

  @Autowired MockMvc mvc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired TestFilings filings;
  @Autowired FilingService filing;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired Register register;
  @Autowired IdentityService identity;

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestApplicants.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("Un autre usager n'obtient rien d'une demande, d'un document, d'une notification ou d'un PDF qui n'est pas à lui, et n'y change rien")
  void anotherApplicantGetsNothing() throws Exception {
    Filed owner = filings.depositedCase(90);
    String intruder = TestApplicants.create(register, identity, 90);
    RenewalCase renewal = filing.caseOf(owner.processInstanceId());
    String file = documents.filesOf(renewal.getId()).get(0).getId().toString();
    String issued = documents.issuedDocumentsOf(renewal.getId()).get(0).getId().toString();
    String notification = notifications.list(owner.applicantId(), NotificationFilter.ALL, 0, 10).getContent().get(0).getId().toString();
    Map<String, List<String>> ids = Map.of(
        "caseId", List.of(renewal.getId().toString()),
        "id", List.of(notification, issued, file, renewal.getId().toString()),
        "fileId", List.of(file),
        "requestNumber", List.of(renewal.getRequestNumber()),
        "documentCode", List.of("NATIONALITY"));

    List<String> checked = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
      String type = mapping.getValue().toString();
      if (!type.startsWith("fr.anef.renewal")) {
        continue;
      }
      for (String pattern : mapping.getKey().getPatternValues()) {
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        List<String> names = new ArrayList<>();
        while (variables.find()) {
          names.add(variables.group(1));
        }
        if (names.isEmpty()) {
          continue;
        }
        assertThat(ids).as("an id kind the isolation test must learn: " + pattern).containsKeys(names.toArray(String[]::new));
        for (String url : urls(pattern, names, ids)) {
          for (RequestMethod method : methods(mapping.getKey())) {
            MvcResult result = mvc.perform(request(method, url).header(HttpHeaders.AUTHORIZATION, basic(intruder))).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (method == RequestMethod.GET) {
              assertThat(status).as(method + " " + url).isIn(400, 403, 404);
            } else {
              // HTML forms answer a refusal by a redirect to the person's own page, with the message.
              assertThat(status).as(method + " " + url).isIn(302, 400, 403, 404);
              if (status == 302) {
                assertThat(result.getResponse().getRedirectedUrl()).as(method + " " + url).startsWith("/mon-espace");
              }
            }
            assertThat(body).as(method + " " + url).doesNotContain(renewal.getRequestNumber(), "TESTEUR", ".pdf");
            checked.add(method + " " + pattern);
          }
        }
      }
    }
    assertThat(checked).as("the endpoints with ids were found").hasSizeGreaterThan(10);
    assertThat(documents.filesOf(renewal.getId())).as("nothing deleted").isNotEmpty();
    assertThat(notifications.list(owner.applicantId(), NotificationFilter.UNREAD, 0, 10).getContent())
        .as("nothing read on the owner's behalf").isNotEmpty();
  }

  static List<RequestMethod> methods(RequestMappingInfo info) {
    return info.getMethodsCondition().getMethods().isEmpty() ? List.of(RequestMethod.GET)
        : List.copyOf(info.getMethodsCondition().getMethods());
  }

  static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(RequestMethod method, String url) {
    return switch (method) {
      case GET -> get(url);
      case DELETE -> delete(url);
      default -> multipart(url);
    };
  }

  static List<String> urls(String pattern, List<String> names, Map<String, List<String>> ids) {
    List<String> urls = new ArrayList<>(List.of(pattern));
    for (String name : names) {
      List<String> expanded = new ArrayList<>();
      for (String url : urls) {
        for (String value : ids.get(name)) {
          expanded.add(url.replace("{" + name + "}", value));
        }
      }
      urls = expanded;
    }
    return urls;
  }
}
