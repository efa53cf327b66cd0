package fr.anef.renewal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/**
 * Spring Security is on the classpath for « S'identifier avec FranceConnect » only (ADR 0021):
 * Boot's security auto-configuration, which would guard every path with its own login, is left out;
 * the application's own authentication (ADR 0015) stays the only one, and {@code
 * FranceConnectConfiguration} confines Spring Security's filter to FranceConnect's paths when it is
 * configured.
 */
@SpringBootApplication(
    exclude = {
      org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class,
      org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration.class,
      org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration
          .class,
      org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration
          .class,
      org.springframework.boot.autoconfigure.security.oauth2.client.servlet
          .OAuth2ClientWebSecurityAutoConfiguration.class,
      org.springframework.boot.actuate.autoconfigure.security.servlet
          .ManagementWebSecurityAutoConfiguration.class
    })
public class RenewalApplication {

  public static void main(String[] args) {
    // Dates shown on pages are those of the French administration, whatever the host's zone.
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Paris"));
    SpringApplication application = new SpringApplication(RenewalApplication.class);
    if (Boolean.getBoolean("anef.startup.jfr")) {
      // Each step of the start-up (bean instantiations, configuration classes, the context's
      // phases) as a Java Flight Recorder event with its duration: bench/startup's profile (README
      // « Performance »).
      application.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    application.run(args);
  }
}
