package dev.fragkit.economy.reminder;

import dev.fragkit.economy.LedgerException;

/**
 * A reminder id was scheduled again with different content (guild, user, text or due time). A
 * retry with the same content is not an error: it returns the stored reminder. {@link #key()} is
 * the reminder id.
 *
 * <p>Immutable.
 */
public final class ReminderConflictException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final Reminder existing;

  public ReminderConflictException(Reminder existing, Reminder requested) {
    super("reminder id " + existing.id() + " was already scheduled as " + existing.describe()
        + ", not " + requested.describe(), null, existing.id(), null);
    this.existing = existing;
  }

  /** The reminder stored under the id. */
  public Reminder existing() {
    return existing;
  }
}
