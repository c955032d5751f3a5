package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.CommandView;
import org.jspecify.annotations.Nullable;

/**
 * A chat message. Unlike the reference tool, voice chat is kept. Immutable.
 *
 * @param timeMs server time (ms)
 * @param client the sender, or null for a console/server message
 * @param player the sender's clean name at that moment, or {@code "server"}
 * @param kind public, team or a voice form
 * @param message the human message (colour codes removed; for voice chat the voice id or custom text)
 */
public record ChatLine(int timeMs, @Nullable Integer client, String player, CommandView.Chat.Kind kind,
    String message) {}
