package dev.fragkit.economy.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static Reminder withText(String text) {
    return Reminder.pending("r1", "g", "u", text, T, T);
  }

  @Test
  void textLongerThanTheLimitIsRejectedNamingTheSetting() {
    assertThat(withText("x".repeat(Reminder.MAX_TEXT_LENGTH)).text()).hasSize(2000);
    assertThatThrownBy(() -> withText("x".repeat(Reminder.MAX_TEXT_LENGTH + 1)))
        .isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder text rejected: length 2001 exceeds maxTextLength 2000 (Reminder.MAX_TEXT_LENGTH)")
        .satisfies(e -> {
          assertThat(((InvalidReminderException) e).field()).isEqualTo("text");
          assertThat(((InvalidReminderException) e).key()).contains("r1");
        });
  }

  @Test
  void blankTextControlCharactersAndUnpairedSurrogatesAreRejectedWithTheirOffset() {
    assertThatThrownBy(() -> withText(" \n ")).isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder text rejected: blank (length 3)");
    assertThatThrownBy(() -> withText("ab\u0000c")).isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder text rejected: control character U+0000 at offset 2");
    assertThatThrownBy(() -> withText("a\uD83Cb")).isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder text rejected: unpaired surrogate U+D83C at offset 1");
    assertThatThrownBy(() -> withText("a\uDFB2")).isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder text rejected: unpaired surrogate U+DFB2 at offset 1");
    assertThat(withText("tab\there\r\nok \uD83C\uDFB2").text()).endsWith("\uD83C\uDFB2");
  }

  @Test
  void idsGuildsAndUsersAreValidated() {
    assertThatThrownBy(() -> Reminder.pending("has space", "g", "u", "t", T, T))
        .isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder id rejected: \"has space\" must match [\\x21-\\x7e]{1,128}");
    assertThatThrownBy(() -> Reminder.pending("r", "g/1", "u", "t", T, T))
        .isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder guild rejected: \"g/1\" must match [A-Za-z0-9_.-]{1,64}");
    assertThatThrownBy(() -> Reminder.pending("r", "g", "", "t", T, T))
        .isInstanceOf(InvalidReminderException.class)
        .hasMessage("reminder user rejected: \"\" must match [A-Za-z0-9_.-]{1,64}");
    assertThatThrownBy(() -> Reminder.pending("x".repeat(129), "g", "u", "t", T, T))
        .isInstanceOf(InvalidReminderException.class);
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    Reminder r = Reminder.pending("r", "g", "u", "t", Instant.parse("2026-01-01T00:00:00.123456789Z"), T);
    assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @Test
  void sameRequestIgnoresCreationTimeAndState() {
    Reminder r = Reminder.pending("r", "g", "u", "t", T, T);
    assertThat(r.sameRequest(Reminder.pending("r", "g", "u", "t", T, T.plusSeconds(9))
        .withState(ReminderState.CANCELLED))).isTrue();
    assertThat(r.sameRequest(Reminder.pending("r", "g", "u", "t2", T, T))).isFalse();
    assertThat(r.sameRequest(Reminder.pending("r", "g", "v", "t", T, T))).isFalse();
  }
}
