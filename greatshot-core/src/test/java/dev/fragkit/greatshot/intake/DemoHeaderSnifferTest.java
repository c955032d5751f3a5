package dev.fragkit.greatshot.intake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DemoHeaderSnifferTest {
  private static byte[] head(int seq, int length) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(seq).putInt(length).array();
  }

  @Test
  void aPlausibleFirstRecordPasses() {
    assertThatCode(() -> DemoHeaderSniffer.check(head(1867, 100), 8, 108)).doesNotThrowAnyException();
    assertThatCode(() -> DemoHeaderSniffer.check(head(0, 32768), 8, 40000)).doesNotThrowAnyException();
  }

  @Test
  void zeroNegativeAndOversizedLengthsAreRejectedWithOffset() {
    assertThatThrownBy(() -> DemoHeaderSniffer.check(head(1, 0), 8, 100))
        .isInstanceOf(InvalidDemoHeaderException.class)
        .hasMessage("invalid demo header at offset 4: first record length 0 not in 1..32768");
    assertThatThrownBy(() -> DemoHeaderSniffer.check(head(1, -1), 8, 100))
        .hasMessage("invalid demo header at offset 4: first record length -1 not in 1..32768");
    assertThatThrownBy(() -> DemoHeaderSniffer.check(head(1, 32769), 8, 100000))
        .hasMessage("invalid demo header at offset 4: first record length 32769 not in 1..32768");
  }

  @Test
  void aRecordRunningPastTheEndIsRejected() {
    assertThatThrownBy(() -> DemoHeaderSniffer.check(head(1, 93), 8, 100))
        .hasMessage("invalid demo header at offset 4: first record length 93 runs past the end of a 100-byte file");
  }

  @Test
  void aFileShorterThanARecordHeaderIsRejected() {
    assertThatThrownBy(() -> DemoHeaderSniffer.check(new byte[] {1, 2, 3}, 3, 3))
        .isInstanceOf(InvalidDemoHeaderException.class)
        .hasMessage("invalid demo header at offset 0: file of 3 bytes is shorter than the 8-byte record header");
  }
}
