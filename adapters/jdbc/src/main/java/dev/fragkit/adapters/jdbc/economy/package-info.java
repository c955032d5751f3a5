/** The economy ledger's {@code LedgerStore} on JDBC (PostgreSQL and embedded H2) with Jdbi. */
@NullMarked
package dev.fragkit.adapters.jdbc.economy;

import org.jspecify.annotations.NullMarked;
