package fr.anef.renewal.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock: French legal time, for dates printed on documents and deadlines; ticks in
 * microseconds, the precision both databases store, so a saved instant reads back equal.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Bean
  Clock clock() {
    return Clock.tick(Clock.system(PARIS), Duration.ofNanos(1_000));
  }
}
