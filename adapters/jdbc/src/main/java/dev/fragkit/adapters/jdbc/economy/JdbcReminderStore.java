package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.reminder.Reminder;
import dev.fragkit.economy.reminder.ReminderConflictException;
import dev.fragkit.economy.reminder.ReminderState;
import dev.fragkit.economy.reminder.ReminderStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link ReminderStore} in the {@code economy_reminder} table (economy Flyway migration V3), shared
 * by every instance on the database. Scheduling is {@code INSERT … ON CONFLICT DO NOTHING} followed
 * by a comparison with the stored row; {@link #markDelivered} and {@link #cancel} are one
 * conditional {@code UPDATE … WHERE state = 'PENDING'}, so among racing nodes exactly one sees an
 * update count of 1. The resolution time ({@code resolved_us}) is taken from {@code clock}.
 *
 * <p>Database failures are {@link StoreException}s. Thread-safe. Does not own the database.
 */
public final class JdbcReminderStore implements ReminderStore {
  private static final String COLUMNS = "id, guild, user_id, body, due_us, created_us, state";

  private final Jdbi jdbi;
  private final Clock clock;

  private JdbcReminderStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Migrates the {@code economy} schema if needed and opens the store. */
  public static JdbcReminderStore open(JdbcDatabase db, Clock clock) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    db.migrate("economy");
    return new JdbcReminderStore(db.jdbi(), clock);
  }

  @Override
  public Reminder schedule(Reminder reminder) {
    Objects.requireNonNull(reminder, "reminder");
    if (reminder.state() != ReminderState.PENDING) {
      throw new IllegalArgumentException("only pending reminders can be scheduled: " + reminder.state());
    }
    Reminder stored = sql("schedule reminder " + reminder.id(), () -> jdbi.withHandle(h -> {
      int inserted = h.createUpdate("INSERT INTO economy_reminder (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT DO NOTHING")
          .bind(0, reminder.id()).bind(1, reminder.guild()).bind(2, reminder.user()).bind(3, reminder.text())
          .bind(4, JdbcLedgerStore.micros(reminder.dueAt())).bind(5, JdbcLedgerStore.micros(reminder.createdAt()))
          .bind(6, ReminderState.PENDING.name()).execute();
      if (inserted == 1) {
        return reminder;
      }
      return h.createQuery("SELECT " + COLUMNS + " FROM economy_reminder WHERE id = ?").bind(0, reminder.id())
          .map((rs, ctx) -> row(rs)).one();
    }));
    if (stored != reminder && !stored.sameRequest(reminder)) {
      throw new ReminderConflictException(stored, reminder);
    }
    return stored;
  }

  @Override
  public Optional<Reminder> find(String id) {
    Objects.requireNonNull(id, "id");
    return sql("find reminder " + id, () -> jdbi.withHandle(h ->
        h.createQuery("SELECT " + COLUMNS + " FROM economy_reminder WHERE id = ?").bind(0, id)
            .map((rs, ctx) -> row(rs)).findOne()));
  }

  @Override
  public List<Reminder> due(Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    return sql("list due reminders", () -> jdbi.withHandle(h ->
        h.createQuery("SELECT " + COLUMNS + " FROM economy_reminder WHERE state = 'PENDING' AND due_us <= ?"
                + " ORDER BY due_us, id LIMIT ?")
            .bind(0, JdbcLedgerStore.micros(now)).bind(1, limit).map((rs, ctx) -> row(rs)).list()));
  }

  @Override
  public boolean markDelivered(String id) {
    return transition(id, ReminderState.DELIVERED);
  }

  @Override
  public boolean cancel(String id) {
    return transition(id, ReminderState.CANCELLED);
  }

  private boolean transition(String id, ReminderState to) {
    Objects.requireNonNull(id, "id");
    long now = JdbcLedgerStore.micros(clock.instant());
    return sql("mark reminder " + id + " " + to, () -> jdbi.withHandle(h ->
        h.createUpdate("UPDATE economy_reminder SET state = ?, resolved_us = ? WHERE id = ? AND state = 'PENDING'")
            .bind(0, to.name()).bind(1, now).bind(2, id).execute() == 1));
  }

  @Override
  public int purgeResolved(Instant dueBefore) {
    Objects.requireNonNull(dueBefore, "dueBefore");
    return sql("purge resolved reminders", () -> jdbi.withHandle(h ->
        h.createUpdate("DELETE FROM economy_reminder WHERE state <> 'PENDING' AND due_us < ?")
            .bind(0, JdbcLedgerStore.micros(dueBefore)).execute()));
  }

  @Override
  public Overdue countOverdue(Instant now, Duration olderThan) {
    if (olderThan.isNegative()) {
      throw new IllegalArgumentException("olderThan < 0: " + olderThan);
    }
    long cutoff = JdbcLedgerStore.micros(now.minus(olderThan));
    return sql("count overdue reminders", () -> jdbi.withHandle(h ->
        h.createQuery("SELECT count(*), min(due_us) FROM economy_reminder WHERE state = 'PENDING' AND due_us < ?")
            .bind(0, cutoff).map((rs, ctx) -> {
              long count = rs.getLong(1);
              long oldest = rs.getLong(2);
              return new Overdue(count, rs.wasNull() ? null : JdbcLedgerStore.instant(oldest));
            }).one()));
  }

  private static Reminder row(ResultSet rs) throws SQLException {
    return new Reminder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        JdbcLedgerStore.instant(rs.getLong(5)), JdbcLedgerStore.instant(rs.getLong(6)),
        ReminderState.valueOf(rs.getString(7)));
  }

  private static <T> T sql(String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw new StoreException("reminder store failure (" + what + "): " + e.getMessage(), e);
    }
  }
}
