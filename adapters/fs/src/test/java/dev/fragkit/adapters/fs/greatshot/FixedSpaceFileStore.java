package dev.fragkit.adapters.fs.greatshot;

import java.nio.file.FileStore;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

/** A file store reporting a fixed amount of usable space (a simulated full disk). */
final class FixedSpaceFileStore extends FileStore {
  private final long usable;

  FixedSpaceFileStore(long usable) {
    this.usable = usable;
  }

  @Override public String name() { return "fixed"; }
  @Override public String type() { return "test"; }
  @Override public boolean isReadOnly() { return false; }
  @Override public long getTotalSpace() { return usable; }
  @Override public long getUsableSpace() { return usable; }
  @Override public long getUnallocatedSpace() { return usable; }
  @Override public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) { return false; }
  @Override public boolean supportsFileAttributeView(String name) { return false; }
  @Override public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) { return null; }
  @Override public Object getAttribute(String attribute) { throw new UnsupportedOperationException(attribute); }
}
