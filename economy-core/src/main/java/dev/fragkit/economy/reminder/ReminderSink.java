package dev.fragkit.economy.reminder;

/**
 * Delivers a due reminder to its user (a chat message, a DM, …); supplied by the host. Delivery is
 * at-least-once: a reminder is marked delivered only after {@link #deliver} returned, so a crash or
 * a lost race in between can deliver it again — make delivery idempotent by {@link Reminder#id()}
 * where duplicates matter. Throw to report a failure; the reminder then stays pending and is
 * retried at the next delivery run. Throw only for transient
 * failures: a reminder that can never be delivered (user left, DMs closed) should be logged and
 * returned from normally, or it is retried at every run and keeps a slot of every batch.
 *
 * <p>Implementations must be thread-safe if several delivery runs can overlap.
 */
@FunctionalInterface
public interface ReminderSink {
  void deliver(Reminder reminder);
}
