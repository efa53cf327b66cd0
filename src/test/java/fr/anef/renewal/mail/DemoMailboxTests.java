package fr.anef.renewal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The demo mailbox shows a mail as a mail client would: decoded text, its web addresses as links.
 */
class DemoMailboxTests {

  @Test
  void aQuotedPrintableMailIsShownDecodedWithItsAddressesAsLinks() throws Exception {
    Session session = Session.getInstance(new Properties());
    MimeMessage sent = new MimeMessage(session);
    sent.setSubject("Votre titre de séjour", "UTF-8");
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText(
        "Titre de séjour : cliquez sur https://exemple.fr/compte/confirmation?jeton=ab12. Merci.",
        "UTF-8");
    text.setHeader("Content-Transfer-Encoding", "quoted-printable");
    parts.addBodyPart(text);
    sent.setContent(parts);
    sent.saveChanges();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    sent.writeTo(wire);
    assertThat(wire.toString()).as("as it travels").contains("s=C3=A9jour");

    MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    DemoMailboxController.MailView view = DemoMailboxController.view(received, "a@exemple.fr");

    assertThat(view.body()).contains("Titre de séjour").doesNotContain("=C3=A9");
    assertThat(view.segments())
        .extracting(DemoMailboxController.Segment::text, DemoMailboxController.Segment::link)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Titre de séjour : cliquez sur ", false),
            org.assertj.core.groups.Tuple.tuple(
                "https://exemple.fr/compte/confirmation?jeton=ab12", true),
            org.assertj.core.groups.Tuple.tuple(". Merci.", false));
  }
}
