package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * A COMM_EVENTS row ({@code d;s;s;s;s;s}). Immutable.
 *
 * @param arg the voice-chat id for {@code vsay*} commands (at most 32 characters); null for the
 *     text commands, whose field is empty
 */
public record CommEvent(int time, String guid, String name, String team, CommCommand command,
    @Nullable String arg) implements ProximityRow {}
