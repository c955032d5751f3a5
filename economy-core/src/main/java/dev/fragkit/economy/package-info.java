/** A virtual-currency ledger that never loses or invents a coin. */
@NullMarked
package dev.fragkit.economy;

import org.jspecify.annotations.NullMarked;
