package dev.fragkit.economy.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The {@link ReminderStore#due} and {@link ReminderStore#countOverdue} semantics over reminders
 * held in memory, for stores that answer those queries by scanning everything they hold (the
 * in-memory and file stores). Linear in the number of reminders.
 *
 * <p>Stateless and thread-safe; the collection must not change during a call.
 */
public final class ReminderScans {
  /** Earliest due first, then by id: the order of {@link ReminderStore#due}. */
  public static final Comparator<Reminder> DUE_ORDER =
      Comparator.comparing(Reminder::dueAt).thenComparing(Reminder::id);

  private ReminderScans() {}

  /** Pending reminders due at or before {@code now}, in {@link #DUE_ORDER}, at most {@code limit}. */
  public static List<Reminder> due(Collection<Reminder> reminders, Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    return reminders.stream()
        .filter(r -> r.state() == ReminderState.PENDING && !r.dueAt().isAfter(now))
        .sorted(DUE_ORDER).limit(limit).toList();
  }

  /** Pending reminders due before {@code now - olderThan}: how many, and the earliest due time. */
  public static ReminderStore.Overdue overdue(Collection<Reminder> reminders, Instant now, Duration olderThan) {
    if (olderThan.isNegative()) {
      throw new IllegalArgumentException("olderThan < 0: " + olderThan);
    }
    Instant cutoff = now.minus(olderThan);
    long count = 0;
    Instant oldest = null;
    for (Reminder r : reminders) {
      if (r.state() == ReminderState.PENDING && r.dueAt().isBefore(cutoff)) {
        count++;
        if (oldest == null || r.dueAt().isBefore(oldest)) {
          oldest = r.dueAt();
        }
      }
    }
    return new ReminderStore.Overdue(count, oldest);
  }
}
