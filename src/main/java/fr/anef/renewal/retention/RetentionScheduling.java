package fr.anef.renewal.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduler, for the nightly purge (the only {@code @Scheduled} task; the engine runs its
 * own jobs).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {}
