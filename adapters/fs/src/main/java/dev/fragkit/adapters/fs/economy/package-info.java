/** The economy ledger's {@code LedgerStore} on local files: write-ahead journal plus snapshots. */
@NullMarked
package dev.fragkit.adapters.fs.economy;

import org.jspecify.annotations.NullMarked;
