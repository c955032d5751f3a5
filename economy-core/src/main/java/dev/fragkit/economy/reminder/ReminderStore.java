package dev.fragkit.economy.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where reminders live. Every state change is a conditional, atomic step: {@link #markDelivered}
 * and {@link #cancel} succeed only from {@link ReminderState#PENDING}, so when several threads or
 * nodes race on the same reminder exactly one of them wins.
 *
 * <p>Store failures are {@link dev.fragkit.economy.ledger.StoreException}s. Implementations must be
 * thread-safe; stores shared by several processes (database, file with a file lock) keep these
 * guarantees across processes.
 */
public interface ReminderStore {
  /**
   * Stores {@code reminder} (which must be {@link ReminderState#PENDING}) unless its id exists.
   * Scheduling the same id again with the same request returns the stored reminder, whatever its
   * state (a retry never revives a delivered reminder); with a different request it throws {@link
   * ReminderConflictException} and changes nothing.
   *
   * @return the stored reminder
   */
  Reminder schedule(Reminder reminder);

  Optional<Reminder> find(String id);

  /** Up to {@code limit} pending reminders with {@code dueAt <= now}, earliest first (ties by id). */
  List<Reminder> due(Instant now, int limit);

  /** PENDING → DELIVERED; true only for the one caller that made the change. */
  boolean markDelivered(String id);

  /** PENDING → CANCELLED; true only for the one caller that made the change. */
  boolean cancel(String id);

  /**
   * Deletes delivered and cancelled reminders due before {@code dueBefore} (pending ones are never
   * deleted) and returns how many. A later schedule of a purged id creates it anew, so keep the
   * cut-off far behind any retry window.
   */
  int purgeResolved(Instant dueBefore);

  /** Pending reminders whose due time is before {@code now - olderThan}, and the earliest of them. */
  Overdue countOverdue(Instant now, Duration olderThan);

  /**
   * How many pending reminders are overdue and the earliest due time among them ({@code null} when
   * none). Immutable.
   */
  record Overdue(long count, @Nullable Instant oldestDueAt) {
    public Overdue {
      if (count < 0) {
        throw new IllegalArgumentException("count < 0: " + count);
      }
      if ((count == 0) != (oldestDueAt == null)) {
        throw new IllegalArgumentException("oldestDueAt must be null exactly when count is 0: " + count
            + ", " + oldestDueAt);
      }
    }
  }
}
