package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.ops.LeaseStore;
import dev.fragkit.economy.ops.ScheduleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LeaseStore} and {@link ScheduleState} in the economy tables, shared by every instance on
 * the database. Each call is one atomic statement (or a conditional insert-then-update), so among
 * concurrent acquirers exactly one wins; refresh and release match the owner. Times come from the
 * callers' clocks: keep instances' clocks in sync (NTP) and the ttl well above clock skew.
 *
 * <p>Thread-safe.
 */
public final class JdbcLeaseStore implements LeaseStore, ScheduleState {
  private final Jdbi jdbi;

  private JdbcLeaseStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Migrates the economy schema if needed. */
  public static JdbcLeaseStore open(JdbcDatabase db) {
    Objects.requireNonNull(db, "db");
    db.migrate("economy");
    return new JdbcLeaseStore(db.jdbi());
  }

  @Override
  public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
    long expires = JdbcLedgerStore.micros(now.plus(ttl));
    return jdbi.withHandle(h -> {
      int inserted = h.createUpdate("INSERT INTO economy_lease (name, owner, expires_us) VALUES (?, ?, ?)"
              + " ON CONFLICT DO NOTHING")
          .bind(0, name).bind(1, owner).bind(2, expires).execute();
      if (inserted == 1) {
        return true;
      }
      return h.createUpdate("UPDATE economy_lease SET owner = ?, expires_us = ? WHERE name = ?"
              + " AND (expires_us <= ? OR owner = ?)")
          .bind(0, owner).bind(1, expires).bind(2, name).bind(3, JdbcLedgerStore.micros(now)).bind(4, owner)
          .execute() == 1;
    });
  }

  @Override
  public boolean refresh(String name, String owner, Instant now, Duration ttl) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE economy_lease SET expires_us = ? WHERE name = ? AND owner = ?"
            + " AND expires_us > ?")
        .bind(0, JdbcLedgerStore.micros(now.plus(ttl))).bind(1, name).bind(2, owner)
        .bind(3, JdbcLedgerStore.micros(now)).execute() == 1);
  }

  @Override
  public boolean release(String name, String owner) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM economy_lease WHERE name = ? AND owner = ?")
        .bind(0, name).bind(1, owner).execute() == 1);
  }

  @Override
  public Optional<Lease> current(String name) {
    return jdbi.withHandle(h -> h.createQuery("SELECT owner, expires_us FROM economy_lease WHERE name = ?")
        .bind(0, name)
        .map((rs, ctx) -> new Lease(name, rs.getString(1), JdbcLedgerStore.instant(rs.getLong(2)))).findOne());
  }

  @Override
  public Optional<Instant> lastRun(String task) {
    return jdbi.withHandle(h -> h.createQuery("SELECT last_run_us FROM economy_schedule WHERE task = ?")
        .bind(0, task).mapTo(Long.class).findOne().map(JdbcLedgerStore::instant));
  }

  @Override
  public void recordRun(String task, Instant at) {
    long us = JdbcLedgerStore.micros(at);
    jdbi.useHandle(h -> {
      int n = h.createUpdate("INSERT INTO economy_schedule (task, last_run_us) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .bind(0, task).bind(1, us).execute();
      if (n == 0) {
        h.createUpdate("UPDATE economy_schedule SET last_run_us = ? WHERE task = ?").bind(0, us).bind(1, task).execute();
      }
    });
  }
}
