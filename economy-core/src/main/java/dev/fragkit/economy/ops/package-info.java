/**
 * Operations around the ledger: health checks with a JSON report, leases, the maintenance scheduler
 * and {@link dev.fragkit.economy.ops.EconomyMaintenance}, which wires the standard tasks onto it.
 */
@NullMarked
package dev.fragkit.economy.ops;

import org.jspecify.annotations.NullMarked;
