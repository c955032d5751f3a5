package dev.fragkit.adapters.fs.economy;

import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout versions of an {@link FsLedgerStore} directory, applied by {@link FsMigrator} on open.
 *
 * <p>v1 is the baseline: {@code snapshot.json} (header line {@code fragkit-ledger-snapshot v1
 * generation=<n>} then one CRC32C-prefixed JSON line) and {@code journal-<n>.log} (CRC32C-prefixed
 * JSON lines). Its step changes nothing: on a fresh directory the store then creates the files, and a
 * directory written before migrations were tracked (a snapshot and no history) is adopted as it is.
 *
 * <p>Thread-safe (immutable).
 */
final class FsLedgerLayout {
  private static final Logger LOG = LoggerFactory.getLogger(FsLedgerLayout.class);

  static final FsMigration V1 = new FsMigration(1, "baseline: snapshot.json v1 + CRC32C journal",
      "layout v1: snapshot.json = header 'fragkit-ledger-snapshot v1 generation=<n>' + one line"
          + " '<crc32c hex> <change-set json>'; journal-<n>.log = such lines; step: none (adopts existing data)",
      dir -> {
        if (Files.exists(dir.resolve("snapshot.json"))) {
          LOG.info("ledger store {}: adopting the existing files (no migration history) as layout v1", dir);
        }
      });

  /** Every layout version, oldest first. */
  static final List<FsMigration> MIGRATIONS = List.of(V1);

  private FsLedgerLayout() {}
}
