package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot header's generation is outside the snapshot's checksum: a damaged one must stop the
 * store instead of making it compact over (and delete) the journal holding the latest transactions.
 */
class FsLedgerStoreSnapshotHeaderTest {
  @TempDir
  Path dir;

  private long populate() throws Exception {
    long generation;
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      generation = store.recovery().generation();
      Ledger l = Ledger.builder(store).clock(TestClock.fixed())
          .config(LedgerConfig.builder().startingBalance(100).build()).build();
      l.openAccount("oa", "g", "a");
    }
    return generation;
  }

  @Test
  void aGenerationNamingAMissingJournalIsRefusedAndTheJournalKept() throws Exception {
    long generation = populate();
    Path snapshot = dir.resolve("snapshot.json");
    String text = Files.readString(snapshot, StandardCharsets.UTF_8);
    Files.writeString(snapshot, text.replace("generation=" + generation + "\n", "generation=" + (generation + 7) + "\n"),
        StandardCharsets.UTF_8);
    byte[] journal = Files.readAllBytes(dir.resolve("journal-" + generation + ".log"));
    assertThat(journal).isNotEmpty();
    assertThatThrownBy(() -> FsLedgerStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessage("snapshot " + snapshot + " names journal-" + (generation + 7) + ".log, which does not exist"
            + " (damaged header or incomplete restore); refusing to start");
    assertThat(Files.readAllBytes(dir.resolve("journal-" + generation + ".log"))).isEqualTo(journal);
    Files.writeString(snapshot, text, StandardCharsets.UTF_8);
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      assertThat(store.balance(AccountId.user("g", "a"))).hasValue(100);
    }
  }

  @Test
  void aGenerationThatIsNotANumberIsATypedError() throws Exception {
    long generation = populate();
    Path snapshot = dir.resolve("snapshot.json");
    String text = Files.readString(snapshot, StandardCharsets.UTF_8);
    Files.writeString(snapshot, text.replace("generation=" + generation + "\n", "generation=1x\n"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FsLedgerStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessage("snapshot " + snapshot + " header: generation is not a number: \"1x\"");
  }
}
