package fr.anef.renewal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RenewalApplication {

  public static void main(String[] args) {
    // Dates shown on pages are those of the French administration, whatever the host's zone.
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Paris"));
    SpringApplication.run(RenewalApplication.class, args);
  }
}
