package dev.fragkit.greatshot.store;

import java.util.List;
import java.util.Optional;

/**
 * Demo rows. Implementations are thread-safe and safe to share between processes (the JDBC one).
 */
public interface DemoStore {
  /**
   * Records a new demo with status {@link DemoStatus#QUEUED} and, in the same transaction, enqueues
   * its {@link JobKind#ANALYSIS} job with {@code analysisPriority}. When a demo with the same SHA-256
   * exists (even one inserted concurrently) nothing is written and the existing demo is returned.
   */
  InsertResult insertDemo(NewDemo demo, int analysisPriority);

  Optional<DemoRecord> findDemo(String id);

  Optional<DemoRecord> findDemoBySha256(String sha256);

  /** Ids of all demos, in no particular order (for the orphan reconciler). */
  List<String> demoIds();

  /** Marks a demo failed with {@code error} whatever its status (reconciler: original file missing). */
  boolean markDemoFailed(String id, String error);
}
