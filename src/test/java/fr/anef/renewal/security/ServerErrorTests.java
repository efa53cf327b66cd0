package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A server failure (here the engine's task table gone, as when the database fails under a query) is
 * answered in French with a reference, on both doors of the engine's API: never the engine's body,
 * which named the exception's class and the failing SQL.
 */
@ServerTest
class ServerErrorTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;

  TestRestTemplate admin;
  WebSession tasklist;

  /** The two doors of the engine's API: HTTP Basic on /engine-rest, an agent's Tasklist session. */
  @BeforeEach
  void doors() {
    admin = anonymous.withBasicAuth("admin", DemoData.PASSWORD);
    tasklist = new WebSession(anonymous);
    assertThat(tasklist.tasklistLogin("agent.lille", DemoData.PASSWORD)).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Une panne de la base pendant une requête : « Le service est momentanément indisponible » et une référence, jamais le nom d'une classe ni une requête SQL")
  void aServerFailureNamesNoClass() throws Exception {
    assertThat(admin.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    jdbc.execute("alter table ACT_RU_TASK rename to ACT_RU_TASK_AWAY");
    try {
      ResponseEntity<String> rest = admin.getForEntity("/engine-rest/task", String.class);
      ResponseEntity<String> webapp =
          tasklist.webappApi(HttpMethod.GET, "/camunda/api/engine/engine/default/task", null);
      for (String body : new String[] {rest.getBody(), webapp.getBody()}) {
        assertThat(body)
            .contains(
                "\"type\":\"ErreurServeur\"",
                "Le service est momentanément indisponible",
                "communiquez la référence")
            .doesNotContainIgnoringCase("exception")
            .doesNotContainIgnoringCase("act_ru")
            .doesNotContain("select");
      }
      assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
      assertThat(webapp.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    } finally {
      jdbc.execute("alter table ACT_RU_TASK_AWAY rename to ACT_RU_TASK");
    }
    assertThat(admin.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName(
      "Un identifiant inconnu : « Cet élément n'existe pas ou ne vous est pas ouvert. » sur les deux portes, sans l'identifiant ni le message du moteur ; une étape disparue garde son message")
  void notFoundIsOneFrenchAnswer() throws Exception {
    String unknown = java.util.UUID.randomUUID().toString();

    for (ResponseEntity<String> answer :
        java.util.List.of(
            admin.getForEntity("/engine-rest/process-instance/" + unknown, String.class),
            admin.getForEntity(
                "/engine-rest/process-instance/" + unknown + "/variables", String.class),
            admin.getForEntity("/engine-rest/deployment/" + unknown, String.class),
            tasklist.webappApi(
                HttpMethod.GET,
                "/camunda/api/engine/engine/default/process-instance/" + unknown,
                null))) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getBody())
          .isEqualTo(
              "{\"type\":\"Introuvable\",\"message\":\"Cet élément n'existe pas ou ne vous est pas"
                  + " ouvert.\"}");
    }
    // The guard's own answer for a task that is gone is kept: it tells the person what to do.
    ResponseEntity<String> task =
        tasklist.webappApi(
            HttpMethod.GET, "/camunda/api/engine/engine/default/task/" + unknown + "/form", null);
    assertThat(task.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(task.getBody()).contains("Cette étape n'existe pas ou plus");
  }
}
