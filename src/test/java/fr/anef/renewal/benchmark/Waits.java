package fr.anef.renewal.benchmark;

import java.util.function.Supplier;

/** Polls until a probe answers (the job executor works meanwhile); a case stuck 120 s fails the run. */
final class Waits {

  private final long pollMillis;

  Waits(long pollMillis) {
    this.pollMillis = pollMillis;
  }

  <T> T until(String what, Supplier<T> probe) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("attente trop longue : " + what);
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
