/**
 * Reading ET:Legacy demos ({@code .dm_84}, {@code .tv_84}): the {@link dev.fragkit.greatshot.demo.DemoListener}
 * callbacks and the event records they receive. Wire format: {@code shared/docs/et-demo-format.md}.
 */
@NullMarked
package dev.fragkit.greatshot.demo;

import org.jspecify.annotations.NullMarked;
