package dev.fragkit.greatshot.demo;

import org.jspecify.annotations.Nullable;

/**
 * A configstring set after the gamestate.
 *
 * @param serverTime server time of the latest snapshot before it, or null before the first
 */
public record ConfigStringChange(@Nullable Integer serverTime, int index, String value) {}
