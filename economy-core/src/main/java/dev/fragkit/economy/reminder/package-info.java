/**
 * Reminders ("remind me in 2 h"): {@link dev.fragkit.economy.reminder.Reminder} values, the
 * {@link dev.fragkit.economy.reminder.ReminderStore} SPI with exactly-once state transitions, and the
 * {@link dev.fragkit.economy.reminder.Reminders} service that delivers due reminders through a
 * host-supplied {@link dev.fragkit.economy.reminder.ReminderSink}.
 */
@NullMarked
package dev.fragkit.economy.reminder;

import org.jspecify.annotations.NullMarked;
