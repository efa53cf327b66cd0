package fr.anef.renewal.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's clock: French legal time, for dates printed on documents and deadlines. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Bean
  Clock clock() {
    return Clock.system(PARIS);
  }
}
