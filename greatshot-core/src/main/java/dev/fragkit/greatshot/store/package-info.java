/**
 * Store-agnostic persistence SPIs of the Greatshot pipeline: demos ({@link dev.fragkit.greatshot.store.DemoStore}),
 * analyses with highlights and player stats ({@link dev.fragkit.greatshot.store.AnalysisStore}), the job queue with
 * leases ({@link dev.fragkit.greatshot.store.JobQueue}), clip claims ({@link dev.fragkit.greatshot.store.ClipClaims}),
 * leaderboards ({@link dev.fragkit.greatshot.store.Topshots}) and demo files ({@link dev.fragkit.greatshot.store.DemoFiles}).
 * {@link dev.fragkit.greatshot.store.InMemoryGreatshotStore} is the reference implementation; adapters provide JDBC
 * and filesystem ones. All implementations pass the contract suites in this module's test-jar.
 */
@NullMarked
package dev.fragkit.greatshot.store;

import org.jspecify.annotations.NullMarked;
