package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ledger.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Short critical sections that are exclusive across threads and processes: a JVM-wide
 * {@link ReentrantLock} per lock file (OS file locks are held per process, so two threads of one
 * JVM must not both ask the OS) plus an exclusive OS lock on the file, polled until a deadline so a
 * stuck holder yields a typed error instead of a hang. The OS releases the file lock when its holder
 * dies, so a SIGKILLed process never leaves the section locked.
 *
 * <p>Thread-safe. The JVM-wide lock table keeps one small entry per lock file ever used.
 */
final class FileLocks {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private FileLocks() {}

  /** A piece of work that may do I/O. */
  interface IoWork<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} while holding the lock on {@code lockFile} (created if missing).
   *
   * @throws StoreException when the lock is not obtained within {@code timeout}
   */
  static <T> T withLock(Path lockFile, Duration timeout, IoWork<T> work) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    long deadline = System.nanoTime() + timeout.toNanos();
    ReentrantLock jvm = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      if (!jvm.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut(key, timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for lock " + key, e);
    }
    try (FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = null;
      long parkNanos = TimeUnit.MILLISECONDS.toNanos(1);
      while (lock == null) {
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          // another channel of this JVM (not one of ours) holds it: poll as for a foreign holder
          lock = null;
        }
        if (lock == null) {
          if (System.nanoTime() - deadline > 0) {
            throw timedOut(key, timeout);
          }
          LockSupport.parkNanos(parkNanos);
          if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for lock " + key, null);
          }
          parkNanos = Math.min(parkNanos * 2, TimeUnit.MILLISECONDS.toNanos(20));
        }
      }
      try {
        return work.run();
      } finally {
        lock.release();
      }
    } finally {
      jvm.unlock();
    }
  }

  private static StoreException timedOut(Path key, Duration timeout) {
    return new StoreException("lock " + key + " not obtained within " + timeout
        + " (another process holds it)", null);
  }
}
