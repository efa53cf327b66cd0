package fr.anef.renewal.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock: the engine's clock (so that read dates, deadlines and validity dates
 * agree with the timers, also when a test moves the engine clock), in French legal time, to the
 * millisecond both databases store.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Bean
  Clock clock() {
    return new EngineClock(PARIS);
  }

  static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineClock(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
