package dev.fragkit.economy.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules reminders and delivers the due ones. {@link #deliverDue} hands each due reminder to the
 * sink and marks it delivered only after the sink returned (at-least-once to the sink; exactly one
 * {@link ReminderStore#markDelivered} succeeds per reminder even when several nodes deliver at once).
 * A sink that throws leaves its reminder pending for the next run; the failure is logged at warn
 * level and returned in the {@link Delivery}, and the remaining reminders are still delivered.
 *
 * <p>Thread-safe.
 */
public final class Reminders {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

  /** Default number of reminders one {@link #deliverDue} run handles. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  private final ReminderStore store;
  private final Clock clock;

  public Reminders(ReminderStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ReminderStore store() {
    return store;
  }

  /**
   * Schedules a reminder due at {@code dueAt} (created now). Idempotent by {@code id}: a retry with
   * the same request returns the stored reminder.
   *
   * @throws InvalidReminderException when a field is malformed
   * @throws ReminderConflictException when {@code id} was scheduled with a different request
   */
  public Reminder schedule(String id, String guild, String user, String text, Instant dueAt) {
    return store.schedule(Reminder.pending(id, guild, user, text, dueAt, clock.instant()));
  }

  /** Schedules a reminder due {@code delay} from now (see {@link #schedule}). */
  public Reminder scheduleIn(String id, String guild, String user, String text, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    Instant now = clock.instant();
    return store.schedule(Reminder.pending(id, guild, user, text, now.plus(delay), now));
  }

  /** Cancels a pending reminder; false when it is unknown, delivered or already cancelled. */
  public boolean cancel(String id) {
    return store.cancel(id);
  }

  /**
   * Deletes delivered and cancelled reminders due more than {@code retention} ago; returns how many.
   * Keeps stores (the file store in particular) from growing without bound.
   */
  public int purgeResolved(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention <= 0: " + retention);
    }
    int purged = store.purgeResolved(clock.instant().minus(retention));
    if (purged > 0) {
      LOG.info("purged {} delivered or cancelled reminders due more than {} ago", purged, retention);
    }
    return purged;
  }

  /** Delivers up to {@link #DEFAULT_BATCH_SIZE} due reminders. */
  public Delivery deliverDue(ReminderSink sink) {
    return deliverDue(sink, DEFAULT_BATCH_SIZE);
  }

  /**
   * Delivers up to {@code batchSize} reminders due now through {@code sink}, earliest first. Never
   * throws for a failing sink (see the class comment); store failures propagate.
   */
  public Delivery deliverDue(ReminderSink sink, int batchSize) {
    Objects.requireNonNull(sink, "sink");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1: " + batchSize);
    }
    List<Reminder> due = store.due(clock.instant(), batchSize);
    List<String> delivered = new ArrayList<>();
    List<String> raced = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    for (Reminder r : due) {
      try {
        sink.deliver(r);
      } catch (RuntimeException e) {
        LOG.warn("reminder {} for {}/{} due {} could not be delivered; it stays pending: {}", r.id(), r.guild(),
            r.user(), r.dueAt(), e.toString(), e);
        failed.add(new Failure(r.id(), e));
        continue;
      }
      if (store.markDelivered(r.id())) {
        delivered.add(r.id());
      } else {
        // another node delivered (or the user cancelled) it meanwhile: the sink saw it anyway
        LOG.debug("reminder {} was resolved by another delivery run", r.id());
        raced.add(r.id());
      }
    }
    if (!due.isEmpty()) {
      LOG.info("reminders: {} delivered, {} resolved elsewhere, {} failed", delivered.size(), raced.size(),
          failed.size());
    }
    return new Delivery(delivered, raced, failed);
  }

  /**
   * Outcome of one delivery run: ids marked delivered by this run, ids handed to the sink but
   * resolved by someone else meanwhile, and sink failures (those reminders stay pending). Immutable.
   */
  public record Delivery(List<String> delivered, List<String> resolvedElsewhere, List<Failure> failed) {
    public Delivery {
      delivered = List.copyOf(delivered);
      resolvedElsewhere = List.copyOf(resolvedElsewhere);
      failed = List.copyOf(failed);
    }
  }

  /** A sink failure for one reminder. Immutable. */
  public record Failure(String reminderId, RuntimeException error) {
    public Failure {
      Objects.requireNonNull(reminderId, "reminderId");
      Objects.requireNonNull(error, "error");
    }
  }
}
