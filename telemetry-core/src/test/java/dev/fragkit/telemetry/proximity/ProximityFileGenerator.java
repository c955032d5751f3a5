package dev.fragkit.telemetry.proximity;

import java.util.Locale;
import java.util.Random;

/**
 * Writes syntactically valid V6 tracker files with every section (test and benchmark fixture). The
 * content is random but seeded; every section gets {@code rowsPerSection} rows.
 */
public final class ProximityFileGenerator {
  private static final String[] TEAMS = {"AXIS", "ALLIES"};
  private static final String[] CLASSES = {"SOLDIER", "MEDIC", "ENGINEER", "FIELDOPS", "COVERTOPS"};

  private ProximityFileGenerator() {}

  public static String generate(long seed, int rowsPerSection) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(rowsPerSection * 29 * 120);
    sb.append("# PROXIMITY_TRACKER_V6\n# map=supply\n# round=1\n# crossfire_window=1000\n")
        .append("# escape_time=5000\n# escape_distance=300\n# position_sample_interval=200\n")
        .append("# round_start_unix=1767225600\n# round_end_unix=1767226800\n")
        .append("# axis_spawn_interval=30000\n# allies_spawn_interval=20000\n")
        .append("# tracker_version_full=6.11\n# test_mode=0\n# capabilities=");
    boolean first = true;
    for (Section s : Section.values()) {
      if (s.capability().isPresent() && sb.indexOf(s.capability().get() + ":") < 0) {
        sb.append(first ? "" : ",").append(s.capability().get()).append(":1");
        first = false;
      }
    }
    sb.append('\n');
    for (Section s : Section.values()) {
      if (s != Section.ENGAGEMENTS) {
        sb.append('\n');
      }
      sb.append("# ").append(s.name()).append('\n').append("# columns of ").append(s.name()).append('\n');
      for (int i = 0; i < rowsPerSection; i++) {
        row(sb, s, i, r);
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String guid(Random r) {
    return String.format(Locale.ROOT, "%08X", r.nextInt(12));
  }

  private static String coord(Random r) {
    return String.format(Locale.ROOT, "%.1f", r.nextDouble() * 8000 - 4000);
  }

  private static void row(StringBuilder sb, Section s, int i, Random r) {
    int t = i * 500 + r.nextInt(500);
    switch (s) {
      case ENGAGEMENTS -> {
        String target = guid(r);
        String a1 = guid(r);
        String a2 = guid(r);
        boolean killed = r.nextBoolean();
        boolean cross = r.nextBoolean();
        sb.append(i + 1).append(';').append(t).append(';').append(t + 1500).append(";1500;")
            .append(target).append(";Target^1").append(i).append(';').append(TEAMS[i % 2]).append(';')
            .append(killed ? "killed" : "escaped").append(";140;").append(killed ? a1 : "").append(';')
            .append(killed ? "Killer" : "").append(";2;").append(cross ? "1" : "0").append(';')
            .append(cross ? "300" : "").append(';').append(cross ? a1 + "," + a2 : "").append(';');
        for (int k = 0; k < 6; k++) {
          sb.append(coord(r)).append(';');
        }
        sb.append(String.format(Locale.ROOT, "%.1f", r.nextDouble() * 900)).append(';');
        sb.append(t).append(',').append(coord(r)).append(',').append(coord(r)).append(",0.0,start|")
            .append(t + 200).append(',').append(coord(r)).append(',').append(coord(r)).append(",8.0,hit|")
            .append(t + 1500).append(',').append(coord(r)).append(',').append(coord(r)).append(",8.0,")
            .append(killed ? "death" : "escape").append(';');
        sb.append(a1).append(",Killer,").append(TEAMS[(i + 1) % 2]).append(",100,4,").append(t + 200)
            .append(',').append(t + 900).append(',').append(killed ? 1 : 0).append(",8:3;10:1;|")
            .append(a2).append(",Helper,").append(TEAMS[(i + 1) % 2]).append(",40,1,").append(t + 500)
            .append(',').append(t + 500).append(",0,0:0");
      }
      case PLAYER_TRACKS -> {
        sb.append(guid(r)).append(";Player").append(i).append(';').append(TEAMS[i % 2]).append(';')
            .append(CLASSES[i % 5]).append(';').append(t).append(';').append(t + 5000).append(';')
            .append(t + 400).append(";killed;3;");
        for (int k = 0; k < 3; k++) {
          sb.append(k == 0 ? "" : "|").append(t + k * 200).append(',').append(coord(r)).append(',')
              .append(coord(r)).append(",24.0,").append(k == 2 ? 0 : 100).append(',')
              .append(String.format(Locale.ROOT, "%.1f", r.nextDouble() * 300)).append(",8,")
              .append(r.nextInt(3)).append(',').append(r.nextInt(2)).append(',')
              .append(k == 0 ? "spawn" : k == 2 ? "killed" : "sample");
        }
      }
      case KILL_HEATMAP -> sb.append(r.nextInt(16) - 8).append(';').append(r.nextInt(16) - 8).append(';')
          .append(r.nextInt(5)).append(';').append(r.nextInt(5));
      case MOVEMENT_HEATMAP -> sb.append(r.nextInt(16) - 8).append(';').append(r.nextInt(16) - 8).append(';')
          .append(r.nextInt(50)).append(';').append(r.nextInt(9)).append(';').append(r.nextInt(3));
      case REACTION_METRICS -> sb.append(i + 1).append(';').append(guid(r)).append(";Name;AXIS;MEDIC;killed;2;")
          .append(r.nextBoolean() ? "" : Integer.toString(r.nextInt(900))).append(";;")
          .append(r.nextInt(2000)).append(';').append(t).append(';').append(t + 900).append(";900");
      case TRADE_KILLS -> sb.append(t).append(';').append(t + 1200).append(";1200;").append(guid(r))
          .append(";V;").append(guid(r)).append(";K;").append(guid(r)).append(";T");
      case COMBAT_POSITIONS -> {
        sb.append(t).append(";kill;").append(guid(r)).append(";A;AXIS;SOLDIER;").append(guid(r))
            .append(";V;ALLIES;MEDIC;");
        for (int k = 0; k < 6; k++) {
          sb.append(r.nextInt(8000) - 4000).append(';');
        }
        sb.append("8;8");
        if (i % 2 == 0) {
          sb.append(";76;5;4");
        }
      }
      case WEAPON_ACCURACY -> sb.append(guid(r)).append(";P;AXIS;").append(r.nextInt(40)).append(';')
          .append(100).append(';').append(r.nextInt(150)).append(';').append(r.nextInt(5)).append(';')
          .append(r.nextInt(3));
      case TEAM_PUSHES -> sb.append(t).append(';').append(t + 3000).append(';').append(TEAMS[i % 2])
          .append(";180.5;0.707;-0.707;0.800;").append(String.format(Locale.ROOT, "%.3f", r.nextDouble() * 1.5))
          .append(";4;").append(i % 3 == 0 ? "NO" : i % 3 == 1 ? "N/A" : "truck");
      case SHOT_FIRED -> sb.append(t).append(';').append(guid(r)).append(";8;").append(r.nextInt(8000) - 4000)
          .append(';').append(r.nextInt(8000) - 4000).append(";24;")
          .append(String.format(Locale.ROOT, "%.2f;%.2f", r.nextDouble() * 360 - 180, r.nextDouble() * 170 - 85));
      case KILL_OUTCOME -> sb.append(t).append(';').append(guid(r)).append(";V;").append(guid(r))
          .append(";K;8;").append(i % 2 == 0 ? "gibbed" : "revived").append(';').append(t + 2000)
          .append(";2000;").append(i % 2 == 0 ? 9000 : 2000).append(';')
          .append(i % 2 == 0 ? guid(r) + ";G;;" : ";;" + guid(r) + ";M");
      default -> {
        for (int k = 0; k < s.minFields(); k++) {
          sb.append(k == 0 ? "" : ";").append(k % 3 == 0 ? Integer.toString(t + k) : "v" + k);
        }
      }
    }
  }
}
