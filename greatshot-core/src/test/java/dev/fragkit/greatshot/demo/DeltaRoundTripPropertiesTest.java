package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.demo.internal.FieldTables;
import dev.fragkit.greatshot.demo.write.DemoRecordWriter;
import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random entity and playerState deltas (format doc §8) written with the encoder come back exactly
 * through the reader's snapshot ring: new entities, changed fields, removals and carried entities,
 * over several delta-compressed snapshots.
 */
class DeltaRoundTripPropertiesTest {
  private static final int[] ENTITY_WIDTHS = FieldTables.entityWidths();
  private static final int[] PLAYER_WIDTHS = FieldTables.playerWidths();

  private static int randomValue(Random r, int width) {
    if (r.nextInt(4) == 0) {
      return 0;
    }
    if (width == 0) {
      // integral floats (13-bit coding), other floats (32-bit coding), including -0.0 and NaN
      switch (r.nextInt(4)) {
        case 0:
          return Float.floatToRawIntBits(r.nextInt(8192) - 4096);
        case 1:
          return Float.floatToRawIntBits(r.nextInt(100000) - 50000);
        case 2:
          return Float.floatToRawIntBits(r.nextFloat() * 1000 - 500);
        default:
          return r.nextBoolean() ? Float.floatToRawIntBits(-0.0f) : r.nextInt();
      }
    }
    int bits = Math.abs(width);
    int v = bits == 32 ? r.nextInt() : r.nextInt() & ((1 << bits) - 1);
    if (width < 0) {
      v = (v << (32 - bits)) >> (32 - bits); // the reader sign-extends
    }
    return v;
  }

  private static int[] mutate(Random r, int[] base, int[] widths, double changeRate) {
    int[] out = base.clone();
    for (int i = 0; i < out.length; i++) {
      if (r.nextDouble() < changeRate) {
        out[i] = randomValue(r, widths[i]);
      }
    }
    out[0] = Math.abs(widths[0]) == 8 && widths == ENTITY_WIDTHS ? out[0] % 60 : out[0]; // no event entities
    return out;
  }

  @Property(tries = 150)
  void randomDeltasRoundTripThroughTheSnapshotRing(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    List<TreeMap<Integer, int[]>> expectedEntities = new ArrayList<>();
    List<int[]> expectedPs = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoRecordWriter records = new DemoRecordWriter(bytes);

    MessageWriter m = new MessageWriter().writeLong(0);
    m.writeOp(2).writeLong(0).writeOp(8).writeLong(0).writeLong(0).writeOp(8);
    records.writeRecord(1, m.toByteArray());

    TreeMap<Integer, int[]> current = new TreeMap<>();
    int[] ps = new int[77];
    int snapshots = 2 + r.nextInt(5);
    for (int k = 0; k < snapshots; k++) {
      TreeMap<Integer, int[]> next = new TreeMap<>();
      m = new MessageWriter().writeLong(0);
      m.writeOp(7).writeLong(1000 + 50 * k).writeByte(k == 0 ? 0 : 1).writeByte(0).writeByte(0);
      int[] nextPs = mutate(r, ps, PLAYER_WIDTHS, k == 0 ? 0.8 : 0.2);
      m.writePlayerState(k == 0 ? new int[77] : ps, nextPs);
      int count = r.nextInt(40);
      TreeMap<Integer, int[]> base = k == 0 ? new TreeMap<>() : current;
      TreeMap<Integer, String> plan = new TreeMap<>();
      for (Integer num : base.keySet()) {
        plan.put(num, r.nextInt(5) == 0 ? "remove" : r.nextBoolean() ? "change" : "keep");
      }
      for (int i = 0; i < count; i++) {
        plan.putIfAbsent(64 + r.nextInt(958), "add");
      }
      for (Map.Entry<Integer, String> e : plan.entrySet()) {
        int num = e.getKey();
        switch (e.getValue()) {
          case "remove":
            m.writeRemovedEntity(num);
            break;
          case "keep":
            next.put(num, base.get(num));
            break;
          case "change": {
            int[] changed = mutate(r, base.get(num), ENTITY_WIDTHS, 0.15);
            m.writeEntity(num, base.get(num), changed, true);
            next.put(num, changed);
            break;
          }
          default: {
            int[] fresh = mutate(r, new int[71], ENTITY_WIDTHS, 0.5);
            m.writeEntity(num, new int[71], fresh, true);
            next.put(num, fresh);
            break;
          }
        }
      }
      m.writeBits(1023, 10).writeOp(8);
      records.writeRecord(2 + k, m.toByteArray());
      expectedEntities.add(next);
      expectedPs.add(nextPs);
      current = next;
      ps = nextPs;
    }
    records.writeEndMarker();

    List<TreeMap<Integer, int[]>> actualEntities = new ArrayList<>();
    List<int[]> actualPs = new ArrayList<>();
    DemoSummary summary = DemoReader.defaults().read(ByteBuffer.wrap(bytes.toByteArray()), "p.dm_84",
        new DemoListener() {
          @Override
          public boolean wantsSnapshots() {
            return true;
          }

          @Override
          public void onSnapshot(Snapshot s) {
            TreeMap<Integer, int[]> ents = new TreeMap<>();
            for (int i = 0; i < s.entityCount(); i++) {
              int[] fields = new int[71];
              for (int f = 0; f < 71; f++) {
                fields[f] = s.entityField(i, f);
              }
              ents.put(s.entityNumber(i), fields);
            }
            actualEntities.add(ents);
            int[] p = new int[77];
            for (int f = 0; f < 77; f++) {
              p[f] = s.playerStateField(f);
            }
            actualPs.add(p);
          }
        });

    assertThat(summary.snapshots()).isEqualTo(snapshots);
    for (int k = 0; k < snapshots; k++) {
      assertThat(actualPs.get(k)).as("playerState of snapshot %d", k).containsExactly(expectedPs.get(k));
      assertThat(actualEntities.get(k).keySet()).as("entities of snapshot %d", k)
          .containsExactlyElementsOf(expectedEntities.get(k).keySet());
      for (Map.Entry<Integer, int[]> e : expectedEntities.get(k).entrySet()) {
        assertThat(actualEntities.get(k).get(e.getKey())).as("entity %d in snapshot %d", e.getKey(), k)
            .containsExactly(e.getValue());
      }
    }
  }
}
