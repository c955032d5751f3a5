package dev.fragkit.greatshot.report;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.DemoInfo;
import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.analysis.PlayerStats;
import dev.fragkit.greatshot.analysis.PlayerSummary;
import dev.fragkit.greatshot.demo.Team;
import dev.fragkit.greatshot.highlight.Highlight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.txt}: a plain-text summary in the reference tool's layout (title, facts, quick
 * stats, players, numbered highlights with times relative to the demo start, player stats, warnings).
 * Lines end with {@code \n}; the text ends with exactly one newline. Immutable, thread-safe.
 */
public final class TextReport {
  private TextReport() {}

  /** The report text. */
  public static String render(Analysis a, List<Highlight> highlights) {
    DemoInfo d = a.demo();
    List<String> out = new ArrayList<>();
    out.add("ET:Legacy Demo Analysis Report");
    out.add("=".repeat(32));
    out.add("Schema version: " + AnalysisJson.SCHEMA_VERSION);
    out.add("File: " + d.file() + " (" + d.input() + ", protocol " + d.protocol() + ")");
    if (d.sha256() != null) {
      out.add("SHA-256: " + d.sha256());
    }
    out.add("Map: " + d.map());
    out.add("Gametype: " + d.gametype());
    out.add(("Mod: " + d.mod() + " " + (d.modVersion() == null ? "" : d.modVersion())).stripTrailing());
    out.add("Duration: " + clock(d.durationMs()));
    out.add("Recorded by: " + a.player(d.recorderClient()).map(PlayerSummary::cleanName).orElse("unknown")
        + " (client " + d.recorderClient() + ")");
    out.add("");
    out.add("Quick Stats");
    out.add("-".repeat(10));
    out.add("Players: " + a.players().size());
    out.add("Kills: " + a.totalKills());
    out.add("Headshots: " + a.kills().stream().filter(k -> Boolean.TRUE.equals(k.headshot())).count());
    out.add("Suicides: " + a.kills().stream().filter(Kill::suicide).count()
        + ", team kills: " + a.kills().stream().filter(Kill::teamKill).count()
        + ", world kills: " + a.kills().stream().filter(Kill::world).count());
    out.add("Chat lines: " + a.chat().size());
    out.add("");
    out.add("Players");
    out.add("-".repeat(7));
    for (PlayerSummary p : a.players()) {
      String teams = p.teams().isEmpty() ? "unknown"
          : p.teams().stream().map(AnalysisJson::label).collect(Collectors.joining(","));
      out.add("- " + p.cleanName() + " | client=" + p.client() + " | teams=" + teams + " | first_seen="
          + clock(p.firstSeenMs() - d.startMs()));
    }
    out.add("");
    out.add("Highlights");
    out.add("-".repeat(10));
    if (highlights.isEmpty()) {
      out.add("No highlights detected.");
    }
    for (int i = 0; i < highlights.size(); i++) {
      Highlight h = highlights.get(i);
      out.add(String.format(java.util.Locale.ROOT, "%02d. %s | %s | %s-%s | score=%s", i + 1, h.type(), h.player(),
          clock(h.startMs() - d.startMs()), clock(h.endMs() - d.startMs()), two(h.score())));
      out.add("    " + h.explanation());
    }
    out.add("");
    out.add("Player Stats");
    out.add("-".repeat(12));
    List<Map.Entry<String, PlayerStats>> rows = new ArrayList<>(a.stats().entrySet());
    rows.sort((x, y) -> x.getValue().kills() != y.getValue().kills()
        ? Integer.compare(y.getValue().kills(), x.getValue().kills()) : x.getKey().compareTo(y.getKey()));
    for (Map.Entry<String, PlayerStats> e : rows.subList(0, Math.min(16, rows.size()))) {
      PlayerStats s = e.getValue();
      StringBuilder line = new StringBuilder("- ").append(e.getKey()).append(": ").append(s.kills()).append("K/")
          .append(s.deaths()).append("D (KDR ").append(two(s.kdr())).append(')');
      if (s.damageGiven() != null) {
        line.append(", dmg=").append(s.damageGiven());
      }
      if (s.accuracy() != null) {
        line.append(", acc=").append(two(s.accuracy())).append('%');
      }
      line.append(" [").append(s.source().label()).append("; in demo ").append(s.timeline().kills()).append("K/")
          .append(s.timeline().deaths()).append("D]");
      out.add(line.toString());
    }
    out.add("");
    out.add("Warnings");
    out.add("-".repeat(8));
    for (String w : a.warnings()) {
      out.add("- " + w);
    }
    if (a.warnings().isEmpty()) {
      out.add("- none");
    }
    return String.join("\n", out).stripTrailing() + "\n";
  }

  /** {@code MM:SS}, or {@code H:MM:SS} from one hour; negative values clamp to 0. */
  static String clock(long ms) {
    long s = Math.max(0, ms) / 1000;
    return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(java.util.Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  static String two(double v) {
    return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  static String teamLabel(Team t) {
    return AnalysisJson.label(t);
  }
}
