package dev.fragkit.greatshot.testing;

import dev.fragkit.greatshot.job.Cancellation;
import dev.fragkit.greatshot.job.ClipCutter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link ClipCutter} double: writes a one-line clip naming the window and records every cut. Thread-safe. */
public final class RecordingCutter implements ClipCutter {
  private final List<String> cuts = new CopyOnWriteArrayList<>();
  private final Consumer<String> onCut;

  public RecordingCutter() {
    this(s -> { });
  }

  public RecordingCutter(Consumer<String> onCut) {
    this.onCut = onCut;
  }

  public List<String> cuts() {
    return List.copyOf(cuts);
  }

  @Override
  public void cut(Path demo, long startMs, long endMs, OutputStream out, Cancellation cancel) throws IOException {
    cancel.throwIfCancelled();
    String window = demo + " " + startMs + ".." + endMs;
    out.write(window.getBytes(StandardCharsets.UTF_8));
    cuts.add(window);
    onCut.accept(window);
  }
}
