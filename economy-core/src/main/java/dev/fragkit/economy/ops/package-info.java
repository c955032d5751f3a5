/** Operations around the ledger: health checks with a JSON report, leases, the maintenance scheduler. */
@NullMarked
package dev.fragkit.economy.ops;

import org.jspecify.annotations.NullMarked;
