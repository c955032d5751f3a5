package dev.fragkit.greatshot.job;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The analysis step of a job: parse a stored demo and produce its {@link AnalysisOutcome}. This is
 * the one hook through which the real parser + analysis are plugged into the pipeline.
 *
 * <p>Contract:
 * <ul>
 *   <li>Runs on a runner worker thread; one call per attempt. It must check
 *       {@link Cancellation#throwIfCancelled()} regularly (at least every few milliseconds of work,
 *       e.g. once per demo record) and may also react to thread interruption; either way it returns
 *       promptly by throwing once cancelled. This is what frees the worker on a timeout.</li>
 *   <li>Reports progress through {@code progress} (bytes parsed of the file's size).</li>
 *   <li>Throws {@link CorruptDemoException} for bad bytes (never retried),
 *       {@link TransientAnalysisException} or {@link IOException} for failures worth retrying;
 *       any other exception fails the job without retry.</li>
 *   <li>Writes nothing itself: the runner stores the outcome's artifacts and rows.</li>
 * </ul>
 * Implementations must be thread-safe (the runner calls one instance from several workers).
 */
@FunctionalInterface
public interface DemoAnalyzer {
  AnalysisOutcome analyze(Path demo, AnalysisProgress progress, Cancellation cancel) throws IOException;
}
