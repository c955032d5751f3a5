package dev.fragkit.telemetry.record;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child-JVM entry point for {@link CrashRecoveryTest}. Modes:
 *
 * <ul>
 *   <li>{@code record <dir> <seed>}: records ticks of random size, syncing with {@link
 *       SyncPolicy#DATA} after every 1..20 ticks, and prints {@code SYNCED <seq>} once the sync of
 *       the tick with that sequence has returned, first as a line appended to {@code <dir>.synced}
 *       (one {@code write} call per line, so it survives the kill), then on stdout for pacing. Runs
 *       until killed (or 2 000 000 ticks).
 *   <li>{@code record-split <dir> <seed>}: the same, but each write is issued in 700-byte pieces.
 *   <li>{@code exit <dir> <n>}: records {@code n} ticks without flushing and calls {@code
 *       System.exit(0)}: only the shutdown hook can write them.
 * </ul>
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws java.io.IOException {
    Path dir = Path.of(args[1]);
    PrintStream out = System.out;
    RecorderConfig.Builder cfg = RecorderConfig.builder().minFreeBytesToStart(0)
        .minFreeBytesToContinue(0).syncPolicy(SyncPolicy.DATA).flushEveryTicks(1_000_000)
        .flushEveryBytes(64L << 20).segmentMaxBytes(256 * 1024).maxTickBytes(16 * 1024);
    if (args[0].equals("exit")) {
      int n = Integer.parseInt(args[2]);
      Recorder r = Recorder.builder(dir).config(cfg.build()).open();
      for (int i = 0; i < n; i++) {
        r.record(TestTicks.tick("game-1", i, i % 40));
      }
      out.println("RECORDED " + n);
      out.flush();
      System.exit(0);
    }
    Random rnd = new Random(Long.parseLong(args[2]));
    // In "record-split" mode every write reaches the file in 700-byte pieces, each synced, as a
    // slow device would deliver it, so kills land inside frames far more often.
    RecordingFileSystem fs = args[0].equals("record-split")
        ? new SplittingFileSystem(700) : RecordingFileSystem.local();
    try (Recorder r = Recorder.builder(dir).config(cfg.build()).fileSystem(fs).open();
        java.io.FileOutputStream side = new java.io.FileOutputStream(dir + ".synced", true)) {
      out.println("READY");
      out.flush();
      long seq = 0;
      while (seq < 2_000_000) {
        int batch = 1 + rnd.nextInt(20);
        for (int i = 0; i < batch; i++, seq++) {
          r.record(TestTicks.tick("game-1", seq, (int) (seq * 31 % 3000)));
        }
        if (!r.flush()) {
          throw new IllegalStateException("flush failed: " + r.metrics());
        }
        side.write(("SYNCED " + (seq - 1) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.println("SYNCED " + (seq - 1));
        out.flush();
        if (out.checkError()) {
          return; // the parent went away
        }
      }
    }
  }
}
