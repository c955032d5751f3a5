package dev.fragkit.greatshot.demo;

import dev.fragkit.greatshot.demo.write.DemoRecordWriter;
import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small demo written with the encoder, with known content (see {@link SyntheticDemoTest}):
 * gamestate with two players and a baseline, three snapshots (an obituary entity that persists,
 * then changes its victim/killer), commands with a retransmission, a {@code cs} and a big
 * configstring in {@code bcs0/1/2} chunks. With {@code ettv}, the protocol-284 additions.
 */
final class SyntheticDemo {
  static final int E_TYPE = 0;
  static final int E_ORIGIN_X = 22;
  static final int E_OTHER = 34;
  static final int E_OTHER2 = 35;
  static final int E_LOOP_SOUND = 37;
  static final int E_EVENT_PARM = 46;
  static final int E_WEAPON = 57;
  static final String BIG = "x".repeat(999) + "y".repeat(999) + "z".repeat(10);

  private SyntheticDemo() {}

  static int[] entity() {
    return new int[71];
  }

  static int[] obituary(int target, int attacker, int mod, int weapon, boolean headshot) {
    int[] e = entity();
    e[E_TYPE] = 62 + 68;
    e[E_OTHER] = target;
    e[E_OTHER2] = attacker;
    e[E_EVENT_PARM] = mod;
    e[E_WEAPON] = weapon;
    e[E_LOOP_SOUND] = headshot ? 1 : 0;
    return e;
  }

  static byte[] build(boolean ettv) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DemoRecordWriter records = new DemoRecordWriter(bytes);
      int[] zero = entity();
      int[] zeroShared = new int[14];
      int[] zeroPs = new int[77];

      // record 1: gamestate
      MessageWriter m = new MessageWriter().writeLong(0);
      m.writeOp(2).writeLong(0);
      m.writeOp(3).writeShort(0).writeString("\\mapname\\oasis\\g_gametype\\2\\gamename\\legacy\\mod_version\\v2.84.0");
      m.writeOp(3).writeShort(21).writeString("\\gamestate\\0\\g_currentRound\\0");
      m.writeOp(3).writeShort(689).writeString("n\\^1Alice^7\\t\\1\\c\\2");
      m.writeOp(3).writeShort(690).writeString("n\\Bob\\t\\2\\c\\0");
      int[] item = entity();
      item[E_TYPE] = 2;
      item[E_ORIGIN_X] = Float.floatToRawIntBits(128f);
      m.writeOp(4).writeEntity(100, zero, item, true);
      if (ettv) {
        m.writeSharedDelta(zeroShared, new int[14]);
      }
      m.writeOp(8).writeLong(0).writeLong(1234);
      m.writeOp(8);
      records.writeRecord(10, m.toByteArray());

      // record 2: command 1 + snapshot at 1000 (non-delta): player 5, item 100 from baseline, obituary 200
      int[] ps1 = zeroPs.clone();
      ps1[0] = 1000;
      int[] player = entity();
      player[E_TYPE] = 1;
      player[E_ORIGIN_X] = Float.floatToRawIntBits(1.5f);
      int[] obit1 = obituary(1, 0, 8, 3, true);
      int[] shared200 = new int[14];
      shared200[6] = 0x20;
      m = new MessageWriter().writeLong(0);
      m.writeServerCommand(1, "print \"hello\"\n");
      m.writeOp(7).writeLong(1000).writeByte(0).writeByte(0).writeByte(2).writeByte(0xff).writeByte(0x01);
      m.writePlayerState(zeroPs, ps1);
      m.writeEntity(5, zero, player, true);
      if (ettv) {
        m.writeSharedDelta(zeroShared, zeroShared);
      }
      m.writeEntity(100, item, item, true);
      if (ettv) {
        m.writeSharedDelta(zeroShared, zeroShared);
      }
      m.writeEntity(200, zero, obit1, true);
      if (ettv) {
        m.writeSharedDelta(zeroShared, shared200);
      }
      m.writeBits(1023, 10);
      if (ettv) {
        int[] client1 = zeroPs.clone();
        client1[0] = 999;
        client1[36] = 1;
        m.writeOp(9).writeByte(1).writePlayerState(zeroPs, client1).writeByte(255);
      }
      m.writeOp(8);
      records.writeRecord(11, m.toByteArray());

      // record 3: retransmitted command 1, command 2 (cs), snapshot 1050 delta from 11: player removed
      int[] ps2 = ps1.clone();
      ps2[0] = 1050;
      m = new MessageWriter().writeLong(0);
      m.writeServerCommand(1, "print \"hello\"\n");
      m.writeServerCommand(2, "cs 690 \"n\\Bob^3\\t\\3\\c\\4\"");
      m.writeOp(7).writeLong(1050).writeByte(1).writeByte(0).writeByte(0);
      m.writePlayerState(ps1, ps2);
      m.writeRemovedEntity(5);
      if (ettv) {
        m.writeSharedRemoved();
      }
      m.writeBits(1023, 10);
      if (ettv) {
        int[] client1 = zeroPs.clone();
        client1[0] = 999;
        client1[36] = 1;
        int[] client1b = client1.clone();
        client1b[0] = 1049;
        m.writeOp(9).writeByte(1).writePlayerState(client1, client1b).writeByte(255);
      }
      m.writeOp(8);
      records.writeRecord(12, m.toByteArray());

      // record 4: bcs0/1/2 (3, 4, 5), snapshot 1100 delta from 12: obituary slot 200 reused
      int[] ps3 = ps2.clone();
      ps3[0] = 1100;
      int[] obit2 = obituary(0, 1022, 33, 0, false);
      m = new MessageWriter().writeLong(0);
      m.writeServerCommand(3, "bcs0 5 \"" + BIG.substring(0, 999) + "\"");
      m.writeServerCommand(4, "bcs1 5 \"" + BIG.substring(999, 1998) + "\"");
      m.writeServerCommand(5, "bcs2 5 \"" + BIG.substring(1998) + "\"");
      m.writeOp(7).writeLong(1100).writeByte(1).writeByte(0).writeByte(0);
      m.writePlayerState(ps2, ps3);
      m.writeEntity(200, obit1, obit2, false);
      if (ettv) {
        m.writeSharedDelta(shared200, shared200);
      }
      m.writeBits(1023, 10);
      if (ettv) {
        m.writeOp(9).writeByte(255);
      }
      m.writeOp(1).writeOp(8);
      records.writeRecord(13, m.toByteArray());
      records.writeEndMarker();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
