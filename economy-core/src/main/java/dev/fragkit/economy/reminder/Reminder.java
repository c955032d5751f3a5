package dev.fragkit.economy.reminder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message to deliver to a user of a guild at {@code dueAt}. Ids are caller-supplied (1–128
 * printable ASCII characters) so scheduling is idempotent; guild and user ids are 1–64 characters of
 * {@code [A-Za-z0-9_.-]} (as account ids); the text is 1–{@value #MAX_TEXT_LENGTH} characters, not
 * blank, with no control characters other than tab and line breaks and no unpaired surrogates. Times are kept to the
 * millisecond (every store round-trips them exactly).
 *
 * <p>Immutable.
 */
public record Reminder(String id, String guild, String user, String text, Instant dueAt, Instant createdAt,
    ReminderState state) {
  /** Longest accepted text, in UTF-16 chars (Discord's message limit). */
  public static final int MAX_TEXT_LENGTH = 2000;

  private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public Reminder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(guild, "guild");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(state, "state");
    if (!ID.matcher(id).matches()) {
      throw new InvalidReminderException("id", "\"" + id + "\" must match " + ID.pattern(), null);
    }
    if (!NAME.matcher(guild).matches()) {
      throw new InvalidReminderException("guild", "\"" + guild + "\" must match " + NAME.pattern(), id);
    }
    if (!NAME.matcher(user).matches()) {
      throw new InvalidReminderException("user", "\"" + user + "\" must match " + NAME.pattern(), id);
    }
    checkText(id, text);
    dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A new pending reminder. */
  public static Reminder pending(String id, String guild, String user, String text, Instant dueAt,
      Instant createdAt) {
    return new Reminder(id, guild, user, text, dueAt, createdAt, ReminderState.PENDING);
  }

  /** This reminder in {@code newState}. */
  public Reminder withState(ReminderState newState) {
    return new Reminder(id, guild, user, text, dueAt, createdAt, newState);
  }

  /** True when {@code other} asks for the same thing (id, guild, user, text, due time). */
  public boolean sameRequest(Reminder other) {
    return id.equals(other.id) && guild.equals(other.guild) && user.equals(other.user) && text.equals(other.text)
        && dueAt.equals(other.dueAt);
  }

  /** Short description for messages: guild, user, due time and text length (not the text). */
  String describe() {
    return "[" + guild + "/" + user + " due " + dueAt + ", " + text.length() + " chars]";
  }

  private static void checkText(String id, String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidReminderException("text", "length " + text.length() + " exceeds maxTextLength "
          + MAX_TEXT_LENGTH + " (Reminder.MAX_TEXT_LENGTH)", id);
    }
    if (text.isBlank()) {
      throw new InvalidReminderException("text", "blank (length " + text.length() + ")", id);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new InvalidReminderException("text", String.format("control character U+%04X at offset %d", (int) c, i),
            id);
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidReminderException("text", String.format("unpaired surrogate U+%04X at offset %d", (int) c, i),
            id);
      }
    }
  }
}
