package dev.fragkit.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.fs.economy.FsLedgerStore;
import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.economy.JdbcLedgerStore;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LedgerStore;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EconomyCommandTest {
  private static final Pattern CREATED = Pattern.compile("created (\\S+): (\\d+) files, (\\d+) bytes\\n");
  private static final AccountId ALICE = AccountId.user("g", "alice");

  @TempDir Path data;

  private static Ledger ledger(LedgerStore store) {
    return Ledger.builder(store).config(LedgerConfig.builder().startingBalance(100).build()).build();
  }

  private static String created(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = CREATED.matcher(run.out());
    assertThat(m.lookingAt()).as(run.out()).isTrue();
    return m.group(1);
  }

  @Test
  void backupListAndRestoreTheEmbeddedDatabase() {
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      ledger(JdbcLedgerStore.open(db)).openAccount("open-alice", "g", "alice");
    }
    String name = created(CliRun.of("economy", "backup", "--data", data.toString()));
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      ledger(JdbcLedgerStore.open(db)).credit("gift", ALICE, 50);
    }

    CliRun list = CliRun.of("economy", "backups", "--data", data.toString());
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).startsWith(name + "  ").contains("1 backups, ");

    CliRun restore = CliRun.of("economy", "restore", name, "--data", data.toString());
    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(restore.out()).startsWith("restored " + name + "; the previous state is kept as backup ")
        .contains("-pre-restore");
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      assertThat(JdbcLedgerStore.open(db).balance(ALICE)).hasValue(100);
    }
  }

  @Test
  void aTamperedOrUnknownBackupExitsWithOneAndTheMessage() throws Exception {
    Path ledgerDir = data.resolve("ledger");
    try (FsLedgerStore store = FsLedgerStore.open(ledgerDir)) {
      ledger(store).openAccount("open-alice", "g", "alice");
    }
    String name = created(CliRun.of("economy", "backup", "--fs-ledger", ledgerDir.toString(), "--data",
        data.toString(), "--prune"));

    CliRun unknown = CliRun.of("economy", "restore", "2020-01-01T00-00-00-000Z", "--fs-ledger",
        ledgerDir.toString(), "--data", data.toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("backup 2020-01-01T00-00-00-000Z: no such backup in "
        + data.resolve("economy-backups") + "\n");

    java.nio.file.Files.writeString(data.resolve("economy-backups").resolve(name).resolve("snapshot.json"), "x");
    CliRun tampered = CliRun.of("economy", "restore", name, "--fs-ledger", ledgerDir.toString(), "--data",
        data.toString());
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.err()).startsWith("backup " + name + ": file snapshot.json does not match its manifest: size:");
  }

  @Test
  void aNonPositiveRetentionIsAUsageError() {
    CliRun run = CliRun.of("economy", "backup", "--data", data.toString(), "--retention-days", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("--retention-days < 1: 0");
  }
}
