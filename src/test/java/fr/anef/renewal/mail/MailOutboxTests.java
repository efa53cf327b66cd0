package fr.anef.renewal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.anef.renewal.EngineTest;
import fr.anef.renewal.documents.DocumentService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox over real SMTP: a failed send keeps the mail for the engine's retry, a sent one is
 * never sent again.
 */
@EngineTest
class MailOutboxTests {

  @Autowired OutgoingMailRepository mails;
  @Autowired GreenMail greenMail;
  @Autowired DocumentService documents;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  UUID caseId;
  String recipient;

  @BeforeEach
  void caseWithAMail() {
    caseId = UUID.randomUUID();
    recipient = "outbox." + caseId + "@exemple.fr";
    jdbc.update(
        "insert into renewal_case (id, version, applicant_id, process_instance_id, status, department, "
            + "holds_residence_permit, created_at) values (?, 0, 'someone', ?, 'DEPOSITED', '59', true, ?)",
        caseId,
        UUID.randomUUID().toString(),
        Timestamp.from(Instant.now()));
  }

  @Autowired MailOutbox outbox;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  long received() {
    return java.util.Arrays.stream(greenMail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(recipient);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }

  @Test
  @DisplayName(
      "Un courriel mis deux fois en file part une fois, par le job de son instance « mail-dispatch » ; un envoi en échec le laisse en attente ; rejoué après envoi, il ne repart pas")
  void queuedOnceSentOnce() {
    outbox.enqueue("test:" + caseId, caseId, recipient, "Objet", "Corps du message", null);
    outbox.enqueue("test:" + caseId, caseId, recipient, "Objet", "Corps du message", null);
    OutgoingMail mail = mails.findByIdempotencyKey("test:" + caseId).orElseThrow();
    Job job =
        management
            .createJobQuery()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey("test:" + caseId)
                    .singleResult()
                    .getId())
            .singleResult();

    JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
    unreachable.setHost("127.0.0.1");
    unreachable.setPort(1);
    assertThatThrownBy(
            () ->
                new MailOutbox(
                        mails,
                        unreachable,
                        documents,
                        clock,
                        "ne-pas-repondre@exemple.fr",
                        runtime,
                        new SimpleMeterRegistry())
                    .send(mail.getId()))
        .isInstanceOf(MailException.class);
    assertThat(mails.findById(mail.getId()).orElseThrow().getSentAt()).isNull();
    assertThat(received()).isZero();

    management.executeJob(job.getId());
    assertThat(received()).isEqualTo(1);
    outbox.send(mail.getId());
    assertThat(received()).isEqualTo(1);
    assertThat(mails.findById(mail.getId()).orElseThrow().getSentAt()).isNotNull();
  }

  @Autowired PlatformTransactionManager transactions;

  @Test
  @DisplayName(
      "Un courriel accepté par le serveur SMTP dont l'envoi n'a pas été enregistré (nœud tombé avant la validation) repart au nouvel essai avec le même Message-ID, tiré de sa ligne de la file")
  void resentAfterALostCommitCarriesTheSameMessageId() throws Exception {
    outbox.enqueue("test:" + caseId, caseId, recipient, "Objet", "Corps du message", null);
    OutgoingMail mail = mails.findByIdempotencyKey("test:" + caseId).orElseThrow();

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              outbox.send(mail.getId());
              status
                  .setRollbackOnly(); // the node dies, or the database goes away, before the commit
            });
    assertThat(received()).isEqualTo(1);
    assertThat(mails.findById(mail.getId()).orElseThrow().getSentAt()).isNull();

    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey("test:" + caseId)
                    .singleResult()
                    .getId())
            .singleResult()
            .getId());

    List<String> ids = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(recipient)) {
        ids.add(message.getMessageID());
      }
    }
    assertThat(ids)
        .containsExactly(
            "<" + mail.getId() + "@anef.interieur.gouv.fr>",
            "<" + mail.getId() + "@anef.interieur.gouv.fr>");
  }
}
