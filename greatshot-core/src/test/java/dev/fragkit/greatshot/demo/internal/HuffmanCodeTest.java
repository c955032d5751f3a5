package dev.fragkit.greatshot.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class HuffmanCodeTest {
  private final HuffmanCode code = HuffmanCode.get();

  private static Map<Integer, String> docTable() throws IOException {
    Map<Integer, String> table = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(HuffmanCodeTest.class.getResourceAsStream("huffman-codes.txt")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] p = line.split(" ");
          table.put(Integer.parseInt(p[0]), p[1]);
        }
      }
    }
    return table;
  }

  private String bits(int symbol) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < code.length(symbol); i++) {
      b.append((code.code(symbol) >>> i) & 1);
    }
    return b.toString();
  }

  @Test
  void treeBuiltFromSeedCountsGivesTheFormatDocCodeTable() throws IOException {
    Map<Integer, String> doc = docTable();
    assertThat(doc).hasSize(257);
    for (int s = 0; s <= HuffmanCode.NYT; s++) {
      assertThat(bits(s)).as("symbol %d", s).isEqualTo(doc.get(s));
    }
  }

  @Test
  void codeLengthHistogramMatchesTheFormatDoc() {
    int[] histogram = new int[12];
    for (int s = 0; s < 256; s++) {
      histogram[code.length(s)]++;
    }
    // §4.4: 2 bits (1 symbol), 5 (2), 6 (7), 7 (24), 8 (43), 9 (49), 10 (129), 11 (1)
    assertThat(histogram).containsExactly(0, 0, 1, 0, 0, 2, 7, 24, 43, 49, 129, 1);
    assertThat(code.length(HuffmanCode.NYT)).isEqualTo(11);
  }

  @Test
  void lookupTableAgreesWithThePlainTreeWalkForEveryElevenBitWindow() {
    int[] table = code.lookupTable();
    for (int window = 0; window < 2048; window++) {
      int walked = code.decodeByTreeWalk(window, 11);
      int sym = walked & 0xFFFF;
      int expected = sym == HuffmanCode.NYT ? -1 : sym << 8 | walked >>> 16;
      assertThat(table[window]).as("window %d", window).isEqualTo(expected);
    }
  }

  @Test
  void codeIsPrefixFreeAndComplete() {
    double kraft = 0;
    for (int s = 0; s <= HuffmanCode.NYT; s++) {
      kraft += Math.pow(2, -code.length(s));
    }
    assertThat(kraft).isEqualTo(1.0);
  }
}
