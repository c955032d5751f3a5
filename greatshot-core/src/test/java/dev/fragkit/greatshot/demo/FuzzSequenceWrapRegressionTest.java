package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer finding (slow unit): a record whose sequence number is {@code Integer.MIN_VALUE + 12}
 * after a snapshot in record 11 made the "invalidate skipped ring slots" loop compute its gap with
 * int overflow and run 2^31 times (seconds per record). Fixed by computing the gap in long and
 * clamping it to the ring size. Input: DemoReaderFuzzTestInputs/.../sequence-wrap-slow-unit.
 */
class FuzzSequenceWrapRegressionTest {
  private static byte[] input() throws IOException {
    try (InputStream in = Objects.requireNonNull(FuzzSequenceWrapRegressionTest.class.getResourceAsStream(
        "DemoReaderFuzzTestInputs/anyInputGivesASummaryOrATypedError/sequence-wrap-slow-unit"))) {
      return in.readAllBytes();
    }
  }

  @Test
  @Timeout(10) // hang guard only: the fixed reader needs milliseconds
  void wrappedSequenceNumberNoLongerLoopsOverTheWholeIntRange() throws IOException {
    byte[] bytes = input();
    assertThat(ByteBuffer.wrap(bytes, 225, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
        .isEqualTo(Integer.MIN_VALUE + 12);

    assertThatThrownBy(() -> DemoReader.builder().protocol(84).build()
        .read(ByteBuffer.wrap(bytes), "fuzz", DemoListener.NONE))
        .isInstanceOfSatisfying(MalformedDemoException.class, e -> {
          assertThat(e.recordIndex()).isEqualTo(4);
          assertThat(e.rule()).isEqualTo("unknown opcode 255 (format doc §3.1)");
        });
  }
}
