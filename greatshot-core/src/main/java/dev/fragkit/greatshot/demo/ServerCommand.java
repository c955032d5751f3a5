package dev.fragkit.greatshot.demo;

import org.jspecify.annotations.Nullable;

/**
 * A server command ({@code svc_serverCommand}), delivered once per sequence number in order.
 *
 * @param serverTime server time of the latest snapshot parsed before it, or null before the first
 * @param sequence the reliable-command sequence number
 * @param text the command text, verbatim
 * @param view a typed view of the commands the format doc gives layouts for (§14), else
 *     {@link CommandView.Other}
 */
public record ServerCommand(@Nullable Integer serverTime, int sequence, String text, CommandView view) {}
