package dev.fragkit.greatshot.store;

/**
 * Everything the pipeline keeps in one store, so that the operations that must be atomic together
 * (insert a demo and enqueue its job; commit an analysis and finish its job) can be. Thread-safe.
 */
public interface GreatshotStore extends DemoStore, AnalysisStore, JobQueue, ClipClaims, Topshots {}
