package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessCoverageListenerTests {

  @Test
  void aReadOutDisturbedByTheJobExecutorIsReadAgain() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();

    ProcessCoverageListener.readAgainWhileChanging(
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new ConcurrentModificationException();
          }
        });

    assertThat(calls).hasValue(3);
  }

  @Test
  void aReadOutThatNeverSettlesFailsAfterItsLastAttempt() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                ProcessCoverageListener.readAgainWhileChanging(
                    () -> {
                      calls.incrementAndGet();
                      throw new ConcurrentModificationException();
                    }))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(calls).hasValue(ProcessCoverageListener.ATTEMPTS);
  }

  @Test
  void anyOtherFailureIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                ProcessCoverageListener.readAgainWhileChanging(
                    () -> {
                      calls.incrementAndGet();
                      throw new AssertionError("couverture insuffisante");
                    }))
        .isInstanceOf(AssertionError.class);
    assertThat(calls).hasValue(1);
  }
}
