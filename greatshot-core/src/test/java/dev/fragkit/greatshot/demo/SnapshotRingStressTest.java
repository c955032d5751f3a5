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
 * Long runs of snapshots whose delta bases are any of the last 31 messages (format doc §7): every
 * snapshot still in the ring must keep its entity states while the parser reclaims the others, so
 * this reads each snapshot back and compares every field with a model. Hundreds of states are
 * created per run, many times the state store's first page, in protocol 84 and in ETTV (284, where
 * each entity also carries a shared part, §10.1, kept in a second store).
 */
class SnapshotRingStressTest {
  private static final int[] WIDTHS = FieldTables.entityWidths();

  private static int[] change(Random r, int[] base) {
    int[] out = base.clone();
    for (int i = 0; i < out.length; i++) {
      if (r.nextInt(8) == 0) {
        int w = WIDTHS[i];
        out[i] = w == 0 ? Float.floatToRawIntBits(r.nextInt(8192) - 4096)
            : w == 32 ? r.nextInt() : r.nextInt() & ((1 << w) - 1);
      }
    }
    out[0] = Math.floorMod(out[0], 60); // never an event entity
    return out;
  }

  private static int[] shared(Random r) {
    int[] s = new int[14];
    s[1] = r.nextInt(1000);
    return s;
  }

  @Property(tries = 25)
  void everySnapshotReadsBackWhateverRingSnapshotItIsBasedOn(@ForAll long seed, @ForAll boolean ettv)
      throws IOException {
    Random r = new Random(seed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoRecordWriter records = new DemoRecordWriter(bytes);
    MessageWriter m = new MessageWriter().writeLong(0);
    m.writeOp(2).writeLong(0).writeOp(8).writeLong(0).writeLong(0).writeOp(8);
    records.writeRecord(1, m.toByteArray());

    List<TreeMap<Integer, int[]>> expected = new ArrayList<>();
    List<TreeMap<Integer, int[]>> expectedShared = new ArrayList<>();
    int[] ps = new int[77];
    int snapshots = 120 + r.nextInt(80);
    for (int k = 0; k < snapshots; k++) {
      int deltaNum = k == 0 ? 0 : 1 + r.nextInt(Math.min(k, 31));
      TreeMap<Integer, int[]> base = k == 0 ? new TreeMap<>() : expected.get(k - deltaNum);
      TreeMap<Integer, int[]> baseShared = k == 0 ? new TreeMap<>() : expectedShared.get(k - deltaNum);
      TreeMap<Integer, int[]> next = new TreeMap<>();
      TreeMap<Integer, int[]> nextShared = new TreeMap<>();
      m = new MessageWriter().writeLong(0);
      m.writeOp(7).writeLong(1000 + 50 * k).writeByte(deltaNum).writeByte(0).writeByte(0).writePlayerState(ps, ps);
      TreeMap<Integer, String> plan = new TreeMap<>();
      for (Integer num : base.keySet()) {
        int roll = r.nextInt(10);
        plan.put(num, roll == 0 ? "remove" : roll < 4 ? "change" : "keep");
      }
      while (plan.size() < 20 || plan.size() < 45 && r.nextInt(3) == 0) {
        plan.putIfAbsent(64 + r.nextInt(900), "add");
      }
      for (Map.Entry<Integer, String> e : plan.entrySet()) {
        int num = e.getKey();
        switch (e.getValue()) {
          case "remove":
            m.writeRemovedEntity(num);
            if (ettv) {
              m.writeSharedRemoved();
            }
            break;
          case "keep":
            next.put(num, base.get(num));
            nextShared.put(num, baseShared.get(num));
            break;
          default: {
            boolean add = e.getValue().equals("add");
            int[] from = add ? new int[71] : base.get(num);
            int[] to = change(r, from);
            to[1] ^= 1 + r.nextInt(1000); // always a delta, so always a new state
            m.writeEntity(num, from, to, true);
            next.put(num, to);
            int[] fromShared = add ? new int[14] : baseShared.get(num);
            int[] toShared = shared(r);
            if (ettv) {
              m.writeSharedDelta(fromShared, toShared);
            }
            nextShared.put(num, ettv ? toShared : fromShared);
            break;
          }
        }
      }
      m.writeBits(1023, 10).writeOp(8);
      records.writeRecord(2 + k, m.toByteArray());
      expected.add(next);
      expectedShared.add(nextShared);
    }
    records.writeEndMarker();

    List<TreeMap<Integer, int[]>> actual = new ArrayList<>();
    DemoSummary summary = DemoReader.defaults().read(ByteBuffer.wrap(bytes.toByteArray()),
        ettv ? "s.tv_84" : "s.dm_84", new DemoListener() {
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
            actual.add(ents);
          }
        });

    assertThat(summary.snapshots()).isEqualTo(snapshots);
    for (int k = 0; k < snapshots; k++) {
      assertThat(actual.get(k).keySet()).as("entities of snapshot %d", k)
          .containsExactlyElementsOf(expected.get(k).keySet());
      for (Map.Entry<Integer, int[]> e : expected.get(k).entrySet()) {
        assertThat(actual.get(k).get(e.getKey())).as("entity %d in snapshot %d", e.getKey(), k)
            .containsExactly(e.getValue());
      }
    }
  }
}
