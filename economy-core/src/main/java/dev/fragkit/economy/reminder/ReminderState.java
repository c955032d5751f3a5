package dev.fragkit.economy.reminder;

/**
 * Life cycle of a {@link Reminder}: it starts {@link #PENDING} and moves exactly once to {@link
 * #DELIVERED} or {@link #CANCELLED}; both are final. Immutable.
 */
public enum ReminderState { PENDING, DELIVERED, CANCELLED }
