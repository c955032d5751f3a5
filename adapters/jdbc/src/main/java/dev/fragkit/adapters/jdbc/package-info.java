/** JDBC bindings (Jdbi 3) for the cores' store SPIs: embedded H2 by default, PostgreSQL. */
@NullMarked
package dev.fragkit.adapters.jdbc;

import org.jspecify.annotations.NullMarked;
