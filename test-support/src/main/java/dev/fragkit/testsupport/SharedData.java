package dev.fragkit.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real test data in {@code ../shared/} (beside the repository root).
 *
 * <p>A test that needs it calls {@link #file(String)}. When the directory is absent the test is
 * <em>skipped</em> through a JUnit assumption, unless {@code CI=true} or
 * {@code FRAGKIT_REQUIRE_SHARED=1} is set: then it <em>fails</em>, so real-data tests can never be
 * skipped silently in CI. {@code FRAGKIT_SHARED=/some/dir} overrides the location.
 *
 * <p>Immutable and thread-safe (static methods only).
 */
public final class SharedData {
  private SharedData() {}

  /** What {@link #resolve} decided. */
  public sealed interface Resolution {
    /** The shared directory exists at {@code dir}. */
    record Found(Path dir) implements Resolution {}

    /** Absent and not required: the test is skipped with {@code message}. */
    record Skip(String message) implements Resolution {}

    /** Absent but required: the test fails with {@code message}. */
    record Fail(String message) implements Resolution {}
  }

  /**
   * Returns the path of {@code relative} inside the shared directory, e.g.
   * {@code "demos/et/scores_test.dm_84"}. Skips or fails the calling test when the directory is
   * absent (see class doc). A missing file inside a present directory always fails.
   */
  public static Path file(String relative) {
    Objects.requireNonNull(relative, "relative");
    Path file = dir().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("shared test data file missing: " + file);
    }
    return file;
  }

  /** Returns the shared directory, skipping or failing the calling test when it is absent. */
  public static Path dir() {
    Resolution resolution = resolve(Path.of("").toAbsolutePath(), System.getenv());
    if (resolution instanceof Resolution.Found found) {
      return found.dir();
    }
    if (resolution instanceof Resolution.Skip skip) {
      Assumptions.abort(skip.message());
    }
    throw new AssertionError(((Resolution.Fail) resolution).message());
  }

  /** True when the environment demands real data ({@code CI=true} or {@code FRAGKIT_REQUIRE_SHARED=1}). */
  public static boolean required(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.get("CI")) || "1".equals(env.get("FRAGKIT_REQUIRE_SHARED"));
  }

  /**
   * Decides where the shared directory is and what to do if it is absent, starting the search at
   * {@code start} (any directory inside the repository) with the given environment.
   */
  public static Resolution resolve(Path start, Map<String, String> env) {
    Path candidate = candidate(start, env).orElse(null);
    if (candidate != null && Files.isDirectory(candidate.resolve("demos"))) {
      return new Resolution.Found(candidate);
    }
    String where = candidate == null
        ? "no repository root (a directory with mvnw and pom.xml) above " + start
        : candidate.toString();
    if (required(env)) {
      return new Resolution.Fail("real test data is required (CI=true or FRAGKIT_REQUIRE_SHARED=1)"
          + " but ../shared was not found: " + where);
    }
    return new Resolution.Skip("../shared not found (" + where + "); skipping real-data test");
  }

  private static Optional<Path> candidate(Path start, Map<String, String> env) {
    String override = env.get("FRAGKIT_SHARED");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override).toAbsolutePath().normalize());
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        Path parent = dir.getParent();
        return parent == null ? Optional.empty() : Optional.of(parent.resolve("shared"));
      }
    }
    return Optional.empty();
  }
}
