package dev.fragkit.economy.reminder;

import dev.fragkit.economy.LedgerException;
import org.jspecify.annotations.Nullable;

/**
 * A reminder field is malformed: {@link #field()} names it and the message states the rule and the
 * offending value (or its length and the offset of a bad character). {@link #key()} is the
 * reminder id when it was valid enough to name.
 *
 * <p>Immutable.
 */
public final class InvalidReminderException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidReminderException(String field, String message, @Nullable String reminderId) {
    super("reminder " + field + " rejected: " + message, null, reminderId, null);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
