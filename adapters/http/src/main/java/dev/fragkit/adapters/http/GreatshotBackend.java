package dev.fragkit.adapters.http;

import dev.fragkit.greatshot.intake.DemoIntake;
import dev.fragkit.greatshot.store.DemoFiles;
import dev.fragkit.greatshot.store.GreatshotStore;
import java.util.Objects;

/**
 * What the Greatshot routes call: intake for uploads, the store for status and leaderboards, the
 * files for analysis.json, and {@code onUploaded} (typically {@code JobRunner::wakeUp}) after a new
 * demo was queued. Immutable.
 */
public record GreatshotBackend(DemoIntake intake, GreatshotStore store, DemoFiles files, Runnable onUploaded) {
  public GreatshotBackend {
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(onUploaded, "onUploaded");
  }
}
