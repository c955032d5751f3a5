package dev.fragkit.economy.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ReminderStore} in one JVM's memory (tests, single-process bots without persistence).
 * Conditional transitions use {@link ConcurrentHashMap#compute}, so they are atomic per reminder.
 * Scans ({@link #due}, {@link #countOverdue}) are linear in the number of stored reminders.
 *
 * <p>Thread-safe.
 */
public final class InMemoryReminderStore implements ReminderStore {

  private final ConcurrentHashMap<String, Reminder> reminders = new ConcurrentHashMap<>();

  @Override
  public Reminder schedule(Reminder reminder) {
    Objects.requireNonNull(reminder, "reminder");
    if (reminder.state() != ReminderState.PENDING) {
      throw new IllegalArgumentException("only pending reminders can be scheduled: " + reminder.state());
    }
    Reminder stored = reminders.computeIfAbsent(reminder.id(), k -> reminder);
    if (stored != reminder && !stored.sameRequest(reminder)) {
      throw new ReminderConflictException(stored, reminder);
    }
    return stored;
  }

  @Override
  public Optional<Reminder> find(String id) {
    return Optional.ofNullable(reminders.get(id));
  }

  @Override
  public List<Reminder> due(Instant now, int limit) {
    return ReminderScans.due(reminders.values(), now, limit);
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
    boolean[] changed = {false};
    reminders.computeIfPresent(id, (k, r) -> {
      if (r.state() != ReminderState.PENDING) {
        return r;
      }
      changed[0] = true;
      return r.withState(to);
    });
    return changed[0];
  }

  @Override
  public int purgeResolved(Instant dueBefore) {
    Objects.requireNonNull(dueBefore, "dueBefore");
    int[] purged = {0};
    for (String id : List.copyOf(reminders.keySet())) {
      reminders.computeIfPresent(id, (k, r) -> {
        if (r.state() != ReminderState.PENDING && r.dueAt().isBefore(dueBefore)) {
          purged[0]++;
          return null;
        }
        return r;
      });
    }
    return purged[0];
  }

  @Override
  public Overdue countOverdue(Instant now, Duration olderThan) {
    return ReminderScans.overdue(reminders.values(), now, olderThan);
  }
}
