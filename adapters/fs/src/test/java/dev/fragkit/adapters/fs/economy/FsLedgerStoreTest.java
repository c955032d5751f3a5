package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerStoreContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store contract on {@link FsLedgerStore} (every commit fsynced before it returns; concurrent
 * commits share fsyncs). Simulation: 16 threads, 100,000 operations, 10 hot + 200 cold accounts.
 */
class FsLedgerStoreTest extends LedgerStoreContractTest {
  @TempDir
  Path temp;

  @Override
  protected LedgerStore newStore() {
    try {
      return FsLedgerStore.open(Files.createTempDirectory(temp, "ledger"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected int simulationOperations() {
    return 100_000;
  }

  @Override
  protected int simulationColdAccounts() {
    return 200;
  }
}
