package dev.fragkit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.testsupport.SharedData.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {
  @TempDir Path tmp;

  private Path repoWithModule() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("main"));
    Files.writeString(repo.resolve("mvnw"), "#!/bin/sh\n");
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    return Files.createDirectories(repo.resolve("greatshot-core"));
  }

  @Test
  void findsSharedBesideTheRepositoryRootFromAModuleDirectory() throws IOException {
    Path module = repoWithModule();
    Path shared = Files.createDirectories(tmp.resolve("shared/demos")).getParent();

    assertThat(SharedData.resolve(module, Map.of())).isEqualTo(new Resolution.Found(shared));
  }

  @Test
  void absentSharedIsSkippedWhenNotRequired() throws IOException {
    Resolution r = SharedData.resolve(repoWithModule(), Map.of("CI", "false"));

    assertThat(r).isInstanceOf(Resolution.Skip.class);
    assertThat(((Resolution.Skip) r).message()).contains("skipping").contains(tmp.resolve("shared").toString());
  }

  @Test
  void absentSharedFailsWhenCiIsTrue() throws IOException {
    Resolution r = SharedData.resolve(repoWithModule(), Map.of("CI", "true"));

    assertThat(r).isInstanceOf(Resolution.Fail.class);
    assertThat(((Resolution.Fail) r).message()).contains("required");
  }

  @Test
  void absentSharedFailsWhenRequireFlagIsSet() throws IOException {
    assertThat(SharedData.resolve(repoWithModule(), Map.of("FRAGKIT_REQUIRE_SHARED", "1")))
        .isInstanceOf(Resolution.Fail.class);
  }

  @Test
  void overrideVariableWinsOverTheRepositoryLayout() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/demos")).getParent();

    assertThat(SharedData.resolve(repoWithModule(), Map.of("FRAGKIT_SHARED", elsewhere.toString())))
        .isEqualTo(new Resolution.Found(elsewhere));
  }

  @Test
  void noRepositoryRootAboveStartIsReportedNotGuessed() {
    Resolution r = SharedData.resolve(tmp, Map.of());

    assertThat(r).isInstanceOf(Resolution.Skip.class);
    assertThat(((Resolution.Skip) r).message()).contains("no repository root");
  }
}
