package fr.anef.renewal.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.anef.renewal.security.AppUser;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The embedded SMTP server's mailbox, for demo users: each sees the mails sent to their own address
 * (the administrator sees all). Embedded default only.
 */
@Controller
@ConditionalOnProperty(name = "anef.mail.embedded-server.enabled", havingValue = "true")
@ConditionalOnClass(name = EmbeddedMailServer.GREENMAIL)
class DemoMailboxController {

  record MailView(Date sentAt, String to, String subject, String body, List<String> attachments) {

    /**
     * The body cut into text and web addresses, so that the page makes the addresses links (never
     * raw HTML).
     */
    public List<Segment> segments() {
      List<Segment> segments = new ArrayList<>();
      java.util.regex.Matcher link = LINK.matcher(body);
      int from = 0;
      while (link.find()) {
        segments.add(new Segment(body.substring(from, link.start()), false));
        segments.add(new Segment(link.group(), true));
        from = link.end();
      }
      segments.add(new Segment(body.substring(from), false));
      return segments;
    }
  }

  record Segment(String text, boolean link) {}

  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile("https?://[^\\s<>\"«»]+[^\\s<>\"«».,;:)]");

  private final GreenMail greenMail;
  private final IdentityService identity;

  DemoMailboxController(GreenMail greenMail, IdentityService identity) {
    this.greenMail = greenMail;
    this.identity = identity;
  }

  @GetMapping("/demo/courriels")
  String mailbox(HttpServletRequest request, Model model) throws MessagingException, IOException {
    AppUser user = AppUser.of(request);
    User account = identity.createUserQuery().userId(user.id()).singleResult();
    String email = account == null ? null : account.getEmail();
    boolean admin = user.isIn(Groups.CAMUNDA_ADMIN);
    List<MailView> mails = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      String to =
          Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .map(Address::toString)
              .reduce("", String::concat);
      if (admin || email != null && to.equalsIgnoreCase(email)) {
        mails.add(view(message, to));
      }
    }
    mails.sort(
        Comparator.comparing(MailView::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
    model.addAttribute("mails", mails);
    model.addAttribute("email", admin ? "toutes les adresses" : email);
    return "mailbox";
  }

  static MailView view(MimeMessage message, String to) throws MessagingException, IOException {
    List<String> attachments = new ArrayList<>();
    String body;
    if (message.getContent() instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
          attachments.add(part.getFileName());
        } else {
          // Decoded (quoted-printable, charset), as a mail client shows it.
          text.append(
              part.getContent() instanceof String decoded ? decoded : GreenMailUtil.getBody(part));
        }
      }
      body = text.toString();
    } else {
      body = String.valueOf(message.getContent());
    }
    return new MailView(message.getSentDate(), to, message.getSubject(), body, attachments);
  }
}
