package fr.anef.renewal.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's SMTP server: GreenMail in the application's JVM, on loopback. The
 * application sends to it over real SMTP; port 0 takes a free port (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "anef.mail.embedded-server.enabled", havingValue = "true")
@ConditionalOnClass(name = EmbeddedMailServer.GREENMAIL)
class EmbeddedMailServer {

  /**
   * On the classpath of {@code mvn spring-boot:run} and of the tests, never in the packaged jar
   * (pom.xml).
   */
  static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

  /**
   * The packaged jar started on the embedded default: said in French rather than a missing class.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "anef.mail.embedded-server.enabled", havingValue = "true")
  @ConditionalOnMissingClass(GREENMAIL)
  static class Missing {
    Missing() {
      throw new IllegalStateException(
          "Le serveur de courriel embarqué (réservé à « mvn spring-boot:run » et aux tests) "
              + "n'est pas dans l'archive de production : démarrez-la avec le profil postgres et SMTP_HOST, ou avec "
              + "--anef.mail.embedded-server.enabled=false et spring.mail.host.");
    }
  }

  @Bean(destroyMethod = "stop")
  GreenMail greenMail(@Value("${anef.mail.embedded-server.port:3025}") int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    greenMail.start();
    return greenMail;
  }

  /** Spring Mail pointed at the embedded server's actual port. */
  @Bean
  JavaMailSender javaMailSender(GreenMail greenMail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
