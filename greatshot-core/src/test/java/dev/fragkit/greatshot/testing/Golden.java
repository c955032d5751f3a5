package dev.fragkit.greatshot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: readable text compared byte for byte.
 * Regenerated only with {@code -Dgolden.update=true}; on a mismatch the actual output is written to
 * {@code <name>.actual} beside the golden file (ignored by git) so it can be diffed.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(String name, String actual) throws IOException {
    Path golden = DIR.resolve(name);
    Path actualFile = DIR.resolve(name + ".actual");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      Files.deleteIfExists(actualFile);
      return;
    }
    assertThat(golden).as("golden file %s missing: run with -Dgolden.update=true to create it", golden).exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(actualFile);
    }
    assertThat(actual).as("output differs from %s (actual written to %s)", golden, actualFile).isEqualTo(expected);
  }
}
