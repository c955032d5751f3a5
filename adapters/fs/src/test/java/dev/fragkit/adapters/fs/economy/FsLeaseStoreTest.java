package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.LeaseStore;
import dev.fragkit.economy.ops.LeaseStoreContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsLeaseStoreTest extends LeaseStoreContractTest {
  @TempDir
  Path dir;

  @Override
  protected LeaseStore newStore() {
    try {
      return FsLeaseStore.open(dir.resolve("leases"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aLeaseIsVisibleToEveryInstanceOnTheDirectoryAndSurvivesReopening() throws Exception {
    TestClock clock = TestClock.fixed();
    FsLeaseStore a = FsLeaseStore.open(dir);
    FsLeaseStore b = FsLeaseStore.open(dir);
    assertThat(a.tryAcquire("ledger", "a", clock.instant(), Duration.ofSeconds(5))).isTrue();
    assertThat(b.tryAcquire("ledger", "b", clock.instant(), Duration.ofSeconds(5))).isFalse();
    assertThat(b.release("ledger", "b")).isFalse();
    assertThat(FsLeaseStore.open(dir).current("ledger")).contains(
        new LeaseStore.Lease("ledger", "a", clock.instant().plusSeconds(5)));
    assertThat(a.tryAcquire("other", "b", clock.instant(), Duration.ofSeconds(5))).as("leases are independent").isTrue();
    assertThat(b.release("ledger", "a")).isTrue();
    assertThat(Files.exists(dir.resolve("ledger.lease"))).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void theOwnerMayReacquireItsOwnLeaseToExtendIt() throws Exception {
    TestClock clock = TestClock.fixed();
    FsLeaseStore leases = FsLeaseStore.open(dir);
    assertThat(leases.tryAcquire("l", "a", clock.instant(), Duration.ofSeconds(5))).isTrue();
    clock.advance(Duration.ofSeconds(3));
    assertThat(leases.tryAcquire("l", "a", clock.instant(), Duration.ofSeconds(5))).isTrue();
    assertThat(leases.current("l").orElseThrow().expiresAt()).isEqualTo(clock.instant().plusSeconds(5));
  }

  @Test
  void namesThatAreNotPlainFileNamesAreRejected() throws Exception {
    FsLeaseStore leases = FsLeaseStore.open(dir);
    TestClock clock = TestClock.fixed();
    assertThatThrownBy(() -> leases.tryAcquire("../escape", "a", clock.instant(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lease name must match [A-Za-z0-9._-]{1,100}: \"../escape\"");
    assertThatThrownBy(() -> leases.current("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease name must match");
    assertThatThrownBy(() -> leases.tryAcquire("l", "a", clock.instant(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl <= 0: PT0S");
    assertThat(leases.current("l")).isEmpty();
  }

  @Test
  void aDamagedLeaseFileIsReportedWithItsPathAndNeverOverwritten() throws Exception {
    FsLeaseStore leases = FsLeaseStore.open(dir);
    Files.writeString(dir.resolve("l.lease"), "{\"name\":\"l\",\"owner\":\"a\",\"expiresAt\":\"soon\"}");
    assertThatThrownBy(() -> leases.tryAcquire("l", "b", TestClock.fixed().instant(), Duration.ofSeconds(1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("l.lease is invalid: expiresAt is not an ISO instant: soon");
    Files.writeString(dir.resolve("l.lease"), "[1,2");
    assertThatThrownBy(() -> leases.current("l")).isInstanceOf(StoreException.class)
        .hasMessageContaining("l.lease is invalid: not a JSON object");
    Files.writeString(dir.resolve("l.lease"), "{\"name\":\"x\",\"owner\":\"a\",\"expiresAt\":\"2026-01-01T00:00:00Z\"}");
    assertThatThrownBy(() -> leases.release("l", "a")).isInstanceOf(StoreException.class)
        .hasMessageContaining("found name=x owner=a");
    assertThat(Files.readString(dir.resolve("l.lease"))).contains("\"name\":\"x\"");
  }
}
