package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.reminder.Reminder;
import dev.fragkit.economy.reminder.ReminderStore;
import dev.fragkit.economy.reminder.ReminderStoreContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The reminder store contract on H2 and PostgreSQL. The racing threads use two store instances,
 * each on its own connection pool over the same database (as two nodes would), on 100 reminders.
 */
class JdbcReminderStoreTest {
  private static final List<JdbcDatabase> OPEN = new ArrayList<>();
  private static final Map<ReminderStore, String> URLS = new IdentityHashMap<>();

  static JdbcReminderStore open(TestDatabases.Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    JdbcReminderStore store = open(engine, url);
    synchronized (OPEN) {
      URLS.put(store, engine + " " + url);
    }
    return store;
  }

  private static JdbcReminderStore open(TestDatabases.Engine engine, String url) {
    JdbcDatabase db = JdbcDatabase.open(url, TestDatabases.user(engine), TestDatabases.password(engine), 8);
    synchronized (OPEN) {
      OPEN.add(db);
    }
    return JdbcReminderStore.open(db, TestClock.fixed());
  }

  private static JdbcReminderStore second(ReminderStore store) {
    String key;
    synchronized (OPEN) {
      key = URLS.get(store);
    }
    int space = key.indexOf(' ');
    JdbcReminderStore other = open(TestDatabases.Engine.valueOf(key.substring(0, space)), key.substring(space + 1));
    synchronized (OPEN) {
      URLS.put(other, key);
    }
    return other;
  }

  @AfterEach
  void close() {
    synchronized (OPEN) {
      OPEN.forEach(JdbcDatabase::close);
      OPEN.clear();
      URLS.clear();
    }
  }

  @Nested
  class OnH2 extends ReminderStoreContractTest {
    @Override
    protected int contentionReminders() {
      return 100;
    }

    @Override
    protected ReminderStore newStore() {
      return open(TestDatabases.Engine.H2);
    }

    @Override
    protected ReminderStore sameDataStore(ReminderStore store) {
      return second(store);
    }

    @Override
    protected ReminderStore reopen(ReminderStore store) {
      return second(store);
    }
  }

  @Nested
  class OnPostgres extends ReminderStoreContractTest {
    @Override
    protected int contentionReminders() {
      return 100;
    }

    @Override
    protected ReminderStore newStore() {
      return open(TestDatabases.Engine.POSTGRESQL);
    }

    @Override
    protected ReminderStore sameDataStore(ReminderStore store) {
      return second(store);
    }

    @Override
    protected ReminderStore reopen(ReminderStore store) {
      return second(store);
    }
  }

  @Test
  void storeFailuresAreStoreExceptionsNamingTheOperation() {
    TestDatabases.Engine engine = TestDatabases.Engine.H2;
    JdbcDatabase db = TestDatabases.fresh(engine);
    JdbcReminderStore store = JdbcReminderStore.open(db, TestClock.fixed());
    store.schedule(Reminder.pending("r1", "g", "u", "hi", TestClock.START, TestClock.START));
    db.close();
    assertThatThrownBy(() -> store.find("r1")).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("reminder store failure (find reminder r1): ");
    assertThatThrownBy(() -> store.countOverdue(TestClock.START, Duration.ZERO)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("reminder store failure (count overdue reminders): ");
  }

  @Test
  void theResolutionTimeIsRecorded() {
    JdbcDatabase db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL);
    synchronized (OPEN) {
      OPEN.add(db);
    }
    TestClock clock = TestClock.fixed();
    JdbcReminderStore store = JdbcReminderStore.open(db, clock);
    store.schedule(Reminder.pending("r1", "g", "u", "hi", TestClock.START, TestClock.START));
    clock.advance(Duration.ofSeconds(42));
    assertThat(store.markDelivered("r1")).isTrue();
    long resolved = db.jdbi().withHandle(h -> h.createQuery("SELECT resolved_us FROM economy_reminder WHERE id = 'r1'")
        .mapTo(Long.class).one());
    assertThat(JdbcLedgerStore.instant(resolved)).isEqualTo(TestClock.START.plusSeconds(42));
  }
}
