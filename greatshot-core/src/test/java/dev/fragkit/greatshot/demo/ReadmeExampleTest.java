package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.testsupport.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Reading a demo" example of the repository README, compiled and run. */
class ReadmeExampleTest {
  @Test
  void readmeExampleWorks() {
    Path demoFile = SharedData.file("demos/et/scores_test.dm_84");
    List<String> kills = new ArrayList<>();

    // --- README example start
    DemoReader reader = DemoReader.builder()
        .timeout(Duration.ofSeconds(30))
        .limits(ParserLimits.defaults())
        .build();
    DemoSummary summary = reader.read(demoFile, new DemoListener() {
      @Override
      public void onObituary(Obituary kill) {
        kills.add(kill.serverTime() + " " + kill.attacker() + " killed " + kill.target() + " with " + kill.mod());
      }
    });
    // --- README example end

    assertThat(summary.endReason()).isEqualTo(DemoEnd.Reason.EOF);
    assertThat(kills).hasSize(9).first().isEqualTo("55250 5 killed 10 with MOD_MP40");
  }
}
