package fr.anef.renewal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RenewalApplication {

  public static void main(String[] args) {
    SpringApplication.run(RenewalApplication.class, args);
  }
}
