package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsLedgerStoreRecoveryTest {
  @TempDir
  Path dir;

  private static Ledger ledger(FsLedgerStore store) {
    return Ledger.builder(store).clock(TestClock.fixed())
        .config(LedgerConfig.builder().startingBalance(100).build()).build();
  }

  private static void populate(Ledger l) {
    AccountId a = AccountId.user("g", "a");
    AccountId b = AccountId.user("g", "b");
    l.openAccount("oa", "g", "a");
    l.openAccount("ob", "g", "b");
    l.transfer("t1", a, b, 30);
    l.putShopItem(new ShopItem("g", "hat", "Hat", 5, 10));
    l.purchase("p1", b, "hat", 2);
    l.daily("d1", a);
    l.hold("h1", "game1", a, 20, "state-1");
  }

  @Test
  void reopeningRestoresEveryRecordFromSnapshotAndJournal() throws Exception {
    List<?> balances;
    List<?> journal;
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      populate(ledger(store));
      balances = store.balances();
      journal = LedgerAudit.readJournal(store);
    }
    for (int round = 0; round < 2; round++) {
      try (FsLedgerStore store = FsLedgerStore.open(dir)) {
        assertThat(store.balances()).isEqualTo(balances);
        assertThat(LedgerAudit.readJournal(store)).isEqualTo(journal);
        assertThat(store.inventory(AccountId.user("g", "b"), "hat")).isEqualTo(2);
        assertThat(store.shopItem("g", "hat").orElseThrow().stock()).isEqualTo(8);
        assertThat(store.hold("game1").orElseThrow().payload()).isEqualTo("state-1");
        assertThat(store.receipt("t1").orElseThrow().transfers()).hasSize(1);
        Ledger l = ledger(store);
        // markers survive: the daily claimed before the restart is still on cooldown
        assertThatThrownBy(() -> l.daily("d2", AccountId.user("g", "a")))
            .isInstanceOf(dev.fragkit.economy.ledger.CooldownException.class);
        new LedgerAudit(store).checkAll("g", Set.of());
      }
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("LOCK", "journal-2.log", "migrations.json", "migrations.lock", "snapshot.json");
    }
  }

  @Test
  void aTornLastLineIsCutAndEverythingBeforeItKept() throws Exception {
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      populate(ledger(store));
    }
    long generation;
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      generation = store.recovery().generation();
      ledger(store).transfer("t2", AccountId.user("g", "b"), AccountId.user("g", "a"), 1);
    }
    Path journal = dir.resolve("journal-" + generation + ".log");
    Files.writeString(journal, "0badc0de {\"b\":[[\"g/a\",99", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      assertThat(store.recovery().tornTailTruncated()).isTrue();
      assertThat(store.recovery().replayedTransactions()).isEqualTo(1);
      assertThat(store.receipt("t2")).isPresent();
      new LedgerAudit(store).checkAll("g", Set.of());
    }
  }

  @Test
  void corruptionBeforeTheLastLineIsRefused() throws Exception {
    long generation;
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      generation = store.recovery().generation();
      populate(ledger(store));
    }
    Path journal = dir.resolve("journal-" + generation + ".log");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[20] ^= 0x01;
    Files.write(journal, bytes);
    assertThatThrownBy(() -> FsLedgerStore.open(dir)).isInstanceOf(StoreException.class)
        .hasMessageContaining("corrupted at line 1 (byte 0) with valid data after it");
  }

  @Test
  void aSecondInstanceOnTheSameDirectoryIsRefused() throws Exception {
    try (FsLedgerStore first = FsLedgerStore.open(dir)) {
      assertThatThrownBy(() -> FsLedgerStore.open(dir)).isInstanceOf(StoreException.class)
          .hasMessageContaining("is in use by another store instance");
    }
    FsLedgerStore.open(dir).close();
  }

  @Test
  void atomicWriteReplacesWholeFilesAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("f.json");
    AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "two".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("two");
    assertThat(Files.exists(dir.resolve("f.json.tmp"))).isFalse();
  }
}
