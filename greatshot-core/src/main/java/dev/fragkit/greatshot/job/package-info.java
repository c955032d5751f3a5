/**
 * The job pipeline: {@link dev.fragkit.greatshot.job.JobRunner} runs analysis and clip jobs from a
 * {@link dev.fragkit.greatshot.store.JobQueue} with a worker pool, hard timeouts with cooperative
 * {@link dev.fragkit.greatshot.job.Cancellation}, retries of transient failures (resilience4j-retry),
 * lease renewal and progress events. The analysis itself is plugged in through the narrow
 * {@link dev.fragkit.greatshot.job.DemoAnalyzer} SPI, clip extraction through {@link dev.fragkit.greatshot.job.ClipCutter}.
 */
@NullMarked
package dev.fragkit.greatshot.job;

import org.jspecify.annotations.NullMarked;
