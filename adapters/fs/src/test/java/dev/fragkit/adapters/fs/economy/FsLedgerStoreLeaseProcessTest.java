package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ops.LeaseStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-instance lease mode with real processes ({@link LeaseHolderWorker}): while the first
 * instance lives a second process is refused with the holder's owner token and expiry; after the
 * first is SIGKILLed, a second instance gets in, not before the dead holder's lease has expired, and
 * sees its committed data.
 */
class FsLedgerStoreLeaseProcessTest {
  @TempDir
  Path dir;

  @Test
  void aSecondProcessIsRefusedWhileTheHolderLivesAndGetsInOnceTheKilledHoldersLeaseExpired() throws Exception {
    Process holder = start("hold");
    Process waiter = null;
    try {
      BufferedReader holderOut = reader(holder);
      String open = holderOut.readLine();
      assertThat(open).startsWith("open ");
      String owner = open.substring("open ".length());
      assertThat(owner).contains(" pid " + holder.pid() + " ");

      Process probe = start("probe");
      String refused = reader(probe).readLine();
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(refused).startsWith("refused " + owner + "\t");
      assertThatThrownBy(() -> FsLedgerStore.open(dir, LeaseHolderWorker.OPTIONS))
          .isInstanceOfSatisfying(LeaseHeldException.class, e -> assertThat(e.owner()).isEqualTo(owner))
          .hasMessageContaining("is held by \"" + owner + "\" until ");

      holder.destroyForcibly();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
      LeaseStore.Lease dead = FsLeaseStore.open(dir.resolve("leases")).current(LedgerLease.NAME).orElseThrow();
      assertThat(dead.owner()).isEqualTo(owner);

      waiter = start("wait");
      String opened = reader(waiter).readLine();
      assertThat(opened).startsWith("opened ");
      String[] f = opened.split(" ");
      assertThat(Instant.parse(f[1])).as("got in at").isAfterOrEqualTo(dead.expiresAt());
      assertThat(f[2]).as("balance committed by the killed holder").isEqualTo("75");
      assertThat(waiter.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(waiter.exitValue()).isZero();
      assertThat(FsLeaseStore.open(dir.resolve("leases")).current(LedgerLease.NAME)).as("released on close").isEmpty();
    } finally {
      holder.destroyForcibly();
      if (waiter != null) {
        waiter.destroyForcibly();
      }
    }
  }

  private Process start(String mode) throws Exception {
    return new ProcessBuilder(FsLeaseStoreMultiProcessTest.javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), LeaseHolderWorker.class.getName(), mode, dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
