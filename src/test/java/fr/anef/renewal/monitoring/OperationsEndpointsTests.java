package fr.anef.renewal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.anef.renewal.ServerTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Liveness and readiness for the load balancer, Prometheus metrics for the monitoring only, on a
 * running server (metrics export on, which Spring Boot's tests turn off by default: {@link
 * ServerTest} turns it on for every full-stack test, so that this class shares their context).
 */
@ServerTest
class OperationsEndpointsTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  @Test
  @DisplayName(
      "Vivacité et disponibilité (base, exécuteur de jobs) répondent « UP » sans détail ; les autres points d'administration n'existent pas")
  void probes() {
    ResponseEntity<String> liveness =
        anonymous.getForEntity("/actuator/health/liveness", String.class);
    assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(liveness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    ResponseEntity<String> readiness =
        anonymous.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(readiness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(anonymous.getForEntity("/actuator/env", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(anonymous.getForEntity("/actuator/heapdump", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName(
      "Les métriques Prometheus : refusées en français sans identifiant ou hors supervision ; pour la supervision, les jobs, incidents, demandes par statut, files, échéances, courriels et requêtes HTTP")
  void metricsForTheMonitoringOnly() {
    // A bare row, removed at the end: the other full-stack tests of the shared context never meet
    // it.
    UUID caseId = UUID.randomUUID();
    jdbc.update(
        "insert into renewal_case (id, version, applicant_id, process_instance_id, status, department, "
            + "holds_residence_permit, created_at) values (?, 0, 'someone', ?, 'DEPOSITED', '59', true, ?)",
        caseId,
        UUID.randomUUID().toString(),
        Timestamp.from(Instant.now()));
    try {
      metricsSeen();
    } finally {
      jdbc.update("delete from renewal_case where id = ?", caseId);
    }
  }

  void metricsSeen() {
    User watcher = identity.newUser("supervision.test");
    watcher.setPassword("Supervision-2026!");
    identity.saveUser(watcher);
    identity.createMembership("supervision.test", "monitoring");

    ResponseEntity<String> nobody = anonymous.getForEntity("/actuator/prometheus", String.class);
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> agent =
        anonymous
            .withBasicAuth("agent.lille", "Demo-2026!")
            .getForEntity("/actuator/prometheus", String.class);
    assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(agent.getBody()).contains("Les métriques sont réservées à la supervision.");

    ResponseEntity<String> metrics =
        anonymous
            .withBasicAuth("supervision.test", "Supervision-2026!")
            .getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody())
        .containsPattern(
            "anef_cases\\{application=\"renouvellement-etranger-malade\",status=\"DEPOSITED\"} [1-9]")
        .contains(
            "anef_jobs_due{",
            "anef_jobs_failed{",
            "anef_jobs_locked{",
            "anef_incidents{",
            "anef_tasks_waiting{application=\"renouvellement-etranger-malade\",queue=\"prefecture-agents\"}",
            "anef_deadlines_due{application=\"renouvellement-etranger-malade\",within=\"7d\"}",
            "anef_mail_smtp_seconds",
            "anef_mail_unconfirmed_seconds",
            "http_server_requests_seconds_bucket");
  }
}
