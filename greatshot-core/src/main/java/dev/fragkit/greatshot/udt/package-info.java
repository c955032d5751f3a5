/** Migration input: replays the JSON written by Uber Demo Tools' {@code UDT_json} (ET-protocol branch) as {@link dev.fragkit.greatshot.demo.DemoListener} events, so existing Greatshot data goes through the same analysis as binary demos. */
@NullMarked
package dev.fragkit.greatshot.udt;

import org.jspecify.annotations.NullMarked;
