package fr.anef.renewal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.anef.renewal.documents.DocumentService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The outbox over real SMTP: a failed send keeps the mail for the engine's retry, a sent one is never sent again. */
@SpringBootTest
class MailOutboxTests {

  @Autowired OutgoingMailRepository mails;
  @Autowired JavaMailSender smtp;
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
    jdbc.update("insert into renewal_case (id, version, applicant_id, process_instance_id, status, department, "
        + "holds_residence_permit, created_at) values (?, 0, 'someone', ?, 'DEPOSITED', '59', true, ?)",
        caseId, UUID.randomUUID().toString(), Timestamp.from(Instant.now()));
  }

  MailOutbox outboxSendingThrough(JavaMailSender sender) {
    return new MailOutbox(mails, sender, documents, clock, "ne-pas-repondre@exemple.fr");
  }

  long received() {
    return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(recipient);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  @Test
  @DisplayName("Un envoi en échec laisse le courriel en attente ; envoyé, il ne repart jamais")
  void failedSendIsKeptThenSentOnce() {
    JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
    unreachable.setHost("127.0.0.1");
    unreachable.setPort(1);
    MailOutbox failing = outboxSendingThrough(unreachable);
    MailOutbox working = outboxSendingThrough(smtp);
    working.enqueue("first:" + caseId, caseId, recipient, "Premier", "Corps du message", null);
    working.enqueue("first:" + caseId, caseId, recipient, "Premier", "Corps du message", null);
    working.enqueue("second:" + caseId, caseId, recipient, "Second", "Corps du message", null);
    assertThat(mails.findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(caseId)).hasSize(2);

    assertThatThrownBy(() -> failing.sendNext(caseId)).isInstanceOf(MailException.class);
    assertThat(mails.findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(caseId)).hasSize(2);
    assertThat(received()).isZero();

    assertThat(working.sendNext(caseId)).as("one more waits").isTrue();
    assertThatThrownBy(() -> failing.sendNext(caseId)).isInstanceOf(MailException.class);
    assertThat(working.sendNext(caseId)).as("none waits").isFalse();
    assertThat(working.sendNext(caseId)).isFalse();
    assertThat(received()).isEqualTo(2);
    assertThat(mails.findByCaseIdAndSentAtIsNullOrderByCreatedAtAsc(caseId)).isEmpty();
  }
}
