/**
 * A virtual-currency ledger that never loses or invents a coin. {@link
 * dev.fragkit.economy.LedgerException} is the root of every exception the core throws.
 */
@NullMarked
package dev.fragkit.economy;

import org.jspecify.annotations.NullMarked;
