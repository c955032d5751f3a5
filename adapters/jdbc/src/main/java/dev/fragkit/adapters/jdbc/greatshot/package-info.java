/** Greatshot pipeline persistence on PostgreSQL and H2: {@link dev.fragkit.adapters.jdbc.greatshot.JdbcGreatshotStore}. */
@NullMarked
package dev.fragkit.adapters.jdbc.greatshot;

import org.jspecify.annotations.NullMarked;
