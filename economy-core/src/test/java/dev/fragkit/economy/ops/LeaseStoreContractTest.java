package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Contract of every {@link LeaseStore}: owner-verified refresh and release, expiry takeover, one winner. */
public abstract class LeaseStoreContractTest {
  protected abstract LeaseStore newStore();

  @Test
  void refreshAndReleaseVerifyTheOwner() {
    LeaseStore leases = newStore();
    TestClock clock = TestClock.fixed();
    assertThat(leases.tryAcquire("l", "a", clock.instant(), Duration.ofSeconds(30))).isTrue();
    assertThat(leases.tryAcquire("l", "b", clock.instant(), Duration.ofSeconds(30))).isFalse();
    assertThat(leases.refresh("l", "b", clock.instant(), Duration.ofSeconds(30))).isFalse();
    assertThat(leases.release("l", "b")).isFalse();
    clock.advance(Duration.ofSeconds(31));
    assertThat(leases.refresh("l", "a", clock.instant(), Duration.ofSeconds(30))).as("expired").isFalse();
    assertThat(leases.tryAcquire("l", "b", clock.instant(), Duration.ofSeconds(30))).isTrue();
    assertThat(leases.release("l", "a")).as("old owner cannot delete the new lease").isFalse();
    assertThat(leases.current("l").orElseThrow().owner()).isEqualTo("b");
    assertThat(leases.current("l").orElseThrow().expiresAt()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(leases.refresh("l", "b", clock.instant(), Duration.ofSeconds(60))).isTrue();
    assertThat(leases.release("l", "b")).isTrue();
    assertThat(leases.current("l")).isEmpty();
  }

  @Test
  void concurrentAcquirersHaveExactlyOneWinner() throws Exception {
    LeaseStore leases = newStore();
    TestClock clock = TestClock.fixed();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String owner = "node" + i;
        results.add(pool.submit(() -> {
          start.await();
          return leases.tryAcquire("job", owner, clock.instant(), Duration.ofMinutes(1));
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> f : results) {
        winners += f.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
