package dev.fragkit.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FragkitCliTest {
  @Test
  void helpPrintsUsageAndSucceeds() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: fragkit").contains("--version").contains("--verbose");
  }

  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("fragkit ");
  }

  @Test
  void unknownOptionIsAUsageErrorOnStderr() {
    CliRun run = CliRun.of("--no-such-option");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noSubcommandPrintsUsageToStderrWithUsageExitCode() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: fragkit");
  }
}
