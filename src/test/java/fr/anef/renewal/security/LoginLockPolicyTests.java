package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.anef.renewal.account.LoginLockPolicy;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The durations of the login lock, with the settings of application.yaml (5 failures, 3 s × 2, at
 * most 60 s).
 */
class LoginLockPolicyTests {

  final LoginLockPolicy policy = new LoginLockPolicy(5, 3, 2, 60);

  @Test
  @DisplayName(
      "Avant le 5e échec : le ralentissement du moteur (3 s, 6 s, 12 s, 24 s), pas de verrouillage")
  void throttlingBeforeTheFirstLock() {
    assertThat(IntStream.rangeClosed(1, 4).mapToObj(policy::refusalAfter))
        .containsExactly(
            Duration.ofSeconds(3),
            Duration.ofSeconds(6),
            Duration.ofSeconds(12),
            Duration.ofSeconds(24));
    assertThat(IntStream.rangeClosed(1, 4).mapToObj(policy::lockAfter))
        .allMatch(lock -> lock.isEmpty());
  }

  @Test
  @DisplayName("Le verrouillage grandit : 15 minutes au 5e échec, 1 heure au 10e, 24 heures au 15e")
  void lockGrows() {
    assertThat(policy.lockAfter(5)).contains(Duration.ofMinutes(15));
    assertThat(policy.lockAfter(10)).contains(Duration.ofHours(1));
    assertThat(policy.lockAfter(15)).contains(Duration.ofHours(24));
    assertThat(policy.refusalAfter(5)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  @DisplayName(
      "Jamais définitif : au-delà, 24 heures à chaque 5e échec, et une minute au plus entre deux")
  void neverPermanent() {
    for (int failures = 16; failures <= 1000; failures++) {
      Duration refusal = policy.refusalAfter(failures);
      assertThat(refusal)
          .as("after %d failures", failures)
          .isEqualTo(failures % 5 == 0 ? Duration.ofHours(24) : Duration.ofSeconds(60));
    }
    assertThat(policy.refusalAfter(Integer.MAX_VALUE)).isLessThanOrEqualTo(Duration.ofHours(24));
    assertThat(IntStream.of(6, 7, 8, 9, 11, 14).mapToObj(policy::refusalAfter))
        .containsOnly(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("Un réglage de 0 tentative est refusé au démarrage")
  void invalidSetting() {
    assertThatThrownBy(() -> new LoginLockPolicy(0, 3, 2, 60))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
