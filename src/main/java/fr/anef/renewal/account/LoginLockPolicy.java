package fr.anef.renewal.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a login stays refused after consecutive wrong passwords. Between locks, the engine's own
 * throttling (settings {@code login-delay-base}, {@code login-delay-factor}, {@code
 * login-delay-max-time}): a few seconds, doubling, at most a minute. Every {@code
 * login-max-attempts}-th consecutive failure (5) locks the account for a time that grows: 15
 * minutes, then 1 hour, then 24 hours each time after — never for good. A successful login, a
 * password reset or an administrator's unlock starts the count again.
 */
public final class LoginLockPolicy {

  /** The locks in order: after 5, 10, then every 5 more failures (the last one repeats). */
  public static final List<Duration> LOCKS =
      List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24));

  private final int failuresPerLock;
  private final int delayBaseSeconds;
  private final int delayFactor;
  private final int delayMaxSeconds;

  public LoginLockPolicy(
      int failuresPerLock, int delayBaseSeconds, int delayFactor, int delayMaxSeconds) {
    if (failuresPerLock < 1) {
      throw new IllegalArgumentException("login-max-attempts must be at least 1");
    }
    this.failuresPerLock = failuresPerLock;
    this.delayBaseSeconds = delayBaseSeconds;
    this.delayFactor = delayFactor;
    this.delayMaxSeconds = delayMaxSeconds;
  }

  /**
   * The lock that the {@code failures}-th consecutive failure starts, or empty when only throttling
   * applies.
   */
  public Optional<Duration> lockAfter(int failures) {
    if (failures < failuresPerLock || failures % failuresPerLock != 0) {
      return Optional.empty();
    }
    return Optional.of(LOCKS.get(Math.min(failures / failuresPerLock, LOCKS.size()) - 1));
  }

  /**
   * How long the next login is refused after the {@code failures}-th consecutive failure: the lock,
   * or else the engine's throttling delay (base × factor^(failures − 1) seconds, at most the
   * maximum), as Camunda computes it.
   */
  public Duration refusalAfter(int failures) {
    return lockAfter(failures)
        .orElseGet(
            () -> {
              double delay = delayBaseSeconds * Math.pow(delayFactor, Math.max(0, failures - 1));
              return Duration.ofSeconds((long) Math.min(delay, delayMaxSeconds));
            });
  }
}
