/**
 * The ledger: accounts, immutable double-entry transfers with idempotency ids, holds (pending
 * transfers), the {@link dev.fragkit.economy.ledger.LedgerStore} SPI and an in-memory store.
 */
@NullMarked
package dev.fragkit.economy.ledger;

import org.jspecify.annotations.NullMarked;
