package dev.fragkit.telemetry.proximity;

/**
 * A line the parser could not use; the rest of the file is still parsed.
 *
 * @param line 1-based line number
 * @param section the section it belonged to ("HEADER" before the first section)
 * @param message what was wrong, naming the field
 * @param text the line (truncated to 200 characters)
 */
public record LineError(int line, String section, String message, String text) {}
