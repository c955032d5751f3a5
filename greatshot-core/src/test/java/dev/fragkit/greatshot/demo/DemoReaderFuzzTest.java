package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the reader (Jazzer). Without {@code JAZZER_FUZZ=1} it replays the
 * stored inputs under {@code DemoReaderFuzzTestInputs/} (seeds and every past crash) as a normal
 * test; the build's {@code fuzz} surefire execution sets {@code JAZZER_FUZZ=1} and fuzzes for the
 * annotation's duration. Contract checked: any input gives a summary or a {@link DemoException};
 * anything else (another exception, a hang, running out of memory) is a finding.
 */
class DemoReaderFuzzTest {
  private static final DemoReader CLIENT = DemoReader.builder().protocol(84).build();
  private static final DemoReader ETTV = DemoReader.builder().protocol(284).build();

  @FuzzTest(maxDuration = "40s")
  void anyInputGivesASummaryOrATypedError(byte[] input) {
    // the first byte chooses the protocol so both decoders are explored
    DemoReader reader = input.length > 0 && (input[0] & 1) == 1 ? ETTV : CLIENT;
    CollectingListener events = new CollectingListener();
    try {
      DemoSummary summary = reader.read(ByteBuffer.wrap(input), "fuzz", events);
      assertThat(summary.bytes()).isLessThanOrEqualTo(input.length);
      assertThat(events.end()).isPresent();
    } catch (DemoException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(events.end()).get().extracting(DemoEnd::reason).isEqualTo(DemoEnd.Reason.ERROR);
    }
  }
}
