package dev.fragkit.telemetry.record;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks open recorders, caps how many may be open at once and closes the survivors at JVM
 * shutdown. {@link #global()} is the per-process registry (cap from system property {@code
 * fragkit.telemetry.maxOpenRecorders}, default 64) with a shutdown hook installed on first use;
 * tests create their own with {@link #create(int)}.
 *
 * <p>Thread-safe.
 */
public final class RecorderRegistry {
  private static final Logger log = LoggerFactory.getLogger(RecorderRegistry.class);
  /** Default cap of the global registry. */
  public static final int DEFAULT_MAX_OPEN = 64;

  private static final class Global {
    static final RecorderRegistry INSTANCE = createGlobal();
  }

  private final int maxOpen;
  private final Object lock = new Object();
  // @GuardedBy("lock")
  private final Set<Recorder> open = new LinkedHashSet<>();

  private RecorderRegistry(int maxOpen) {
    this.maxOpen = maxOpen;
  }

  /** A registry without a shutdown hook. */
  public static RecorderRegistry create(int maxOpen) {
    if (maxOpen < 1) {
      throw new IllegalArgumentException("maxOpen < 1: " + maxOpen);
    }
    return new RecorderRegistry(maxOpen);
  }

  /** The per-process registry; its shutdown hook closes every recorder still open. */
  public static RecorderRegistry global() {
    return Global.INSTANCE;
  }

  private static RecorderRegistry createGlobal() {
    int max = Integer.getInteger("fragkit.telemetry.maxOpenRecorders", DEFAULT_MAX_OPEN);
    RecorderRegistry r = create(max);
    Thread hook = new Thread(r::closeAll, "fragkit-telemetry-recorder-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return r;
  }

  public int maxOpen() {
    return maxOpen;
  }

  /** Recorders currently open. */
  public int openCount() {
    synchronized (lock) {
      return open.size();
    }
  }

  void register(Recorder r) {
    synchronized (lock) {
      if (open.size() >= maxOpen) {
        throw new TooManyRecordersException(maxOpen);
      }
      open.add(r);
    }
  }

  void unregister(Recorder r) {
    synchronized (lock) {
      open.remove(r);
    }
  }

  /** Closes every open recorder (flushing and syncing what they buffer). */
  public void closeAll() {
    List<Recorder> snapshot;
    synchronized (lock) {
      snapshot = new ArrayList<>(open);
    }
    for (Recorder r : snapshot) {
      try {
        r.close();
      } catch (RuntimeException e) {
        log.error("closing recorder {} at shutdown failed", r.directory(), e);
      }
    }
  }
}
