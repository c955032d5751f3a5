package dev.fragkit.greatshot.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightListTest {
  private static Highlight h(int i) {
    return new Highlight("multi_kill", i % 64, "p" + (i % 64), i, i + 1, 3, 30.0, "3 kills in 0.00s");
  }

  @Test
  void holdsItemsAcrossChunkBoundariesInOrderAndEqualsAnArrayListWithThem() {
    int n = 2 * HighlightList.CHUNK + 17;
    HighlightList list = new HighlightList();
    List<Highlight> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(list.append(h(i))).isEqualTo(i);
      expected.add(h(i));
    }
    list.put(HighlightList.CHUNK, h(-1));
    expected.set(HighlightList.CHUNK, h(-1));

    assertThat(list).hasSize(n).isEqualTo(expected);
    assertThat(list.hashCode()).isEqualTo(expected.hashCode());
    assertThat(list.get(HighlightList.CHUNK - 1)).isEqualTo(h(HighlightList.CHUNK - 1));
    assertThat(list.get(n - 1)).isEqualTo(h(n - 1));
  }

  @Test
  void isUnmodifiableThroughTheListInterfaceAndChecksIndexes() {
    HighlightList list = HighlightList.of(new Highlight[] {h(1), h(2)});

    assertThatThrownBy(() -> list.add(h(3))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, h(3))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 2, size 2");
    assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index -1, size 2");
  }

  @Test
  void theEngineReturnsAnUnmodifiableList() {
    List<Highlight> out = HighlightEngine.standard().detect(List.of(
        dev.fragkit.greatshot.testing.Kills.kill(0, 1, 33), dev.fragkit.greatshot.testing.Kills.kill(10, 1, 34),
        dev.fragkit.greatshot.testing.Kills.kill(20, 1, 35)));

    assertThat(out).isNotEmpty();
    assertThatThrownBy(() -> out.add(out.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(out::clear).isInstanceOf(UnsupportedOperationException.class);
  }
}
