package dev.fragkit.greatshot.demo;

/**
 * The read of one demo begins.
 *
 * @param source a description of the input (file name, or {@code "<stream>"})
 * @param protocol 84 for client demos ({@code .dm_84}), 284 for ETTV ({@code .tv_84})
 */
public record DemoStart(String source, int protocol) {}
