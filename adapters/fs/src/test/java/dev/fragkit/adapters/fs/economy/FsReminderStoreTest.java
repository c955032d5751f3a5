package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.reminder.Reminder;
import dev.fragkit.economy.reminder.ReminderStore;
import dev.fragkit.economy.reminder.ReminderStoreContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reminder store contract on {@link FsReminderStore}; the racing threads use two instances over
 * one directory (as two processes would; {@link FsReminderStoreProcessTest} uses real processes).
 * Contention runs race on 60 reminders: every change fsyncs the file and the directory.
 */
class FsReminderStoreTest extends ReminderStoreContractTest {
  @TempDir
  Path temp;

  private Path dirOf(ReminderStore store) {
    return ((FsReminderStore) store).file().getParent();
  }

  @Override
  protected ReminderStore newStore() {
    try {
      return FsReminderStore.open(Files.createTempDirectory(temp, "reminders"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected ReminderStore sameDataStore(ReminderStore store) {
    return reopen(store);
  }

  @Override
  protected ReminderStore reopen(ReminderStore store) {
    try {
      return FsReminderStore.open(dirOf(store));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected int contentionReminders() {
    return 60;
  }

  @Test
  void theFileIsReadableJsonWithAFormatHeader() throws IOException {
    FsReminderStore store = (FsReminderStore) newStore();
    store.schedule(reminder("r1", T0));
    String json = Files.readString(store.file());
    assertThat(json).startsWith("{\"format\":\"fragkit-reminders\",\"version\":1,\"reminders\":[\n{\"id\":\"r1\"")
        .contains("\"state\":\"PENDING\"");
  }

  @Test
  void aCorruptFileIsRefusedNamingTheFileAndPosition() throws IOException {
    FsReminderStore store = (FsReminderStore) newStore();
    store.schedule(reminder("r1", T0));
    byte[] bytes = Files.readAllBytes(store.file());
    Files.write(store.file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> store.find("r1")).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("reminders file " + store.file() + " is corrupt at line 2 column");
    assertThatThrownBy(() -> FsReminderStore.open(dirOf(store))).isInstanceOf(StoreException.class);
  }

  @Test
  void aRecordThatBreaksTheReminderRulesIsRefused() throws IOException {
    FsReminderStore store = (FsReminderStore) newStore();
    Files.writeString(store.file(), "{\"format\":\"fragkit-reminders\",\"version\":1,\"reminders\":[\n"
        + "{\"id\":\"r1\",\"guild\":\"g\",\"user\":\"u\",\"text\":\"\",\"dueAt\":\"2026-01-01T00:00:00Z\","
        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"state\":\"PENDING\"}]}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> store.due(T0, 1)).isInstanceOf(StoreException.class)
        .hasMessage("reminders file " + store.file() + " is corrupt: reminder text rejected: blank (length 0)");
    Files.writeString(store.file(), "{\"format\":\"other\",\"version\":1,\"reminders\":[]}");
    assertThatThrownBy(() -> store.due(T0, 1)).isInstanceOf(StoreException.class)
        .hasMessage("reminders file " + store.file() + " is corrupt: format other version 1, expected"
            + " fragkit-reminders version 1");
    Files.writeString(store.file(), "{\"format\":\"fragkit-reminders\",\"version\":1,\"reminders\":[]} []");
    assertThatThrownBy(() -> store.due(T0, 1)).isInstanceOf(StoreException.class)
        .hasMessageContaining("unexpected START_ARRAY after the end");
  }

  @Test
  void aConflictingScheduleLeavesTheFileUntouched() throws IOException {
    FsReminderStore store = (FsReminderStore) newStore();
    store.schedule(reminder("r1", T0));
    byte[] before = Files.readAllBytes(store.file());
    assertThatThrownBy(() -> store.schedule(Reminder.pending("r1", "g", "u", "other", T0, T0)))
        .isInstanceOf(dev.fragkit.economy.reminder.ReminderConflictException.class);
    assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
  }
}
