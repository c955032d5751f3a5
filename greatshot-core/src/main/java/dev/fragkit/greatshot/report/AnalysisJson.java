package dev.fragkit.greatshot.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.ChatLine;
import dev.fragkit.greatshot.analysis.DemoInfo;
import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.analysis.MatchEvent;
import dev.fragkit.greatshot.analysis.PlayerEvent;
import dev.fragkit.greatshot.analysis.PlayerStats;
import dev.fragkit.greatshot.analysis.PlayerSummary;
import dev.fragkit.greatshot.demo.Team;
import dev.fragkit.greatshot.highlight.Highlight;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code analysis.json} with jackson-core's streaming generator: UTF-8, 2-space indentation,
 * {@code "key": value}, a trailing newline, and a <b>stable key order</b> — the order below, fixed by
 * this code, so the same analysis always gives the same bytes.
 *
 * <p>Schema version {@value #SCHEMA_VERSION} (documented in {@code greatshot-core/docs/analysis-json.md}).
 * Top-level keys in order: {@code schemaVersion}, {@code demo}, {@code players}, {@code kills},
 * {@code chat}, {@code playerEvents}, {@code matchEvents}, {@code stats}, {@code highlights},
 * {@code totalKills}, {@code warnings}. Absent values are written as {@code null}, never omitted.
 * Enum values are lower-case ({@code axis}, {@code allies}, {@code spectator}, {@code free}), means
 * of death keep their {@code MOD_*} names. Adding keys is a minor version change; renaming,
 * removing or changing a key's meaning is a major one.
 *
 * <p>Immutable and thread-safe.
 */
public final class AnalysisJson {
  /** The schema version written in {@code schemaVersion}. */
  public static final String SCHEMA_VERSION = "1.0";

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private AnalysisJson() {}

  /** Writes the document to {@code out} (not closed). */
  public static void write(Analysis a, List<Highlight> highlights, OutputStream out) throws IOException {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withRootSeparator(""))
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeStringField("schemaVersion", SCHEMA_VERSION);
      demo(g, a.demo());
      players(g, a.players());
      kills(g, a.kills());
      chat(g, a.chat());
      playerEvents(g, a.playerEvents());
      matchEvents(g, a.matchEvents());
      stats(g, a.stats());
      highlights(g, highlights);
      g.writeNumberField("totalKills", a.totalKills());
      g.writeArrayFieldStart("warnings");
      for (String w : a.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** The document as a string. */
  public static String toJson(Analysis a, List<Highlight> highlights) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(a, highlights, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void demo(JsonGenerator g, DemoInfo d) throws IOException {
    g.writeObjectFieldStart("demo");
    g.writeStringField("file", d.file());
    string(g, "sha256", d.sha256());
    g.writeStringField("input", d.input());
    g.writeNumberField("protocol", d.protocol());
    g.writeStringField("map", d.map());
    g.writeStringField("mod", d.mod());
    string(g, "modVersion", d.modVersion());
    g.writeStringField("gametype", d.gametype());
    integer(g, "gametypeId", d.gametypeId());
    g.writeNumberField("startMs", d.startMs());
    g.writeNumberField("endMs", d.endMs());
    g.writeNumberField("durationMs", d.durationMs());
    g.writeNumberField("recorderClient", d.recorderClient());
    g.writeEndObject();
  }

  private static void players(JsonGenerator g, List<PlayerSummary> players) throws IOException {
    g.writeArrayFieldStart("players");
    for (PlayerSummary p : players) {
      g.writeStartObject();
      g.writeNumberField("client", p.client());
      g.writeStringField("name", p.name());
      g.writeStringField("cleanName", p.cleanName());
      g.writeArrayFieldStart("nameHistory");
      for (String n : p.nameHistory()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("teams");
      for (Team t : p.teams()) {
        g.writeString(label(t));
      }
      g.writeEndArray();
      g.writeNumberField("firstSeenMs", p.firstSeenMs());
      g.writeNumberField("lastSeenMs", p.lastSeenMs());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void kills(JsonGenerator g, List<Kill> kills) throws IOException {
    g.writeArrayFieldStart("kills");
    for (Kill k : kills) {
      g.writeStartObject();
      g.writeNumberField("timeMs", k.timeMs());
      integer(g, "attacker", k.attacker());
      g.writeStringField("attackerName", k.attackerName());
      string(g, "attackerTeam", k.attackerTeam() == null ? null : label(k.attackerTeam()));
      g.writeNumberField("victim", k.victim());
      g.writeStringField("victimName", k.victimName());
      g.writeStringField("victimTeam", label(k.victimTeam()));
      g.writeStringField("mod", k.mod().name());
      g.writeStringField("weapon", k.weapon());
      g.writeBooleanField("teamKill", k.teamKill());
      g.writeBooleanField("suicide", k.suicide());
      g.writeBooleanField("world", k.world());
      if (k.headshot() == null) {
        g.writeNullField("headshot");
      } else {
        g.writeBooleanField("headshot", k.headshot());
      }
      string(g, "hitRegion", k.hitRegion() == null ? null : k.hitRegion().label());
      string(g, "hitRegionSource", k.hitRegionSource());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void chat(JsonGenerator g, List<ChatLine> chat) throws IOException {
    g.writeArrayFieldStart("chat");
    for (ChatLine c : chat) {
      g.writeStartObject();
      g.writeNumberField("timeMs", c.timeMs());
      integer(g, "client", c.client());
      g.writeStringField("player", c.player());
      g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
      g.writeStringField("message", c.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void playerEvents(JsonGenerator g, List<PlayerEvent> events) throws IOException {
    g.writeArrayFieldStart("playerEvents");
    for (PlayerEvent e : events) {
      g.writeStartObject();
      g.writeNumberField("timeMs", e.timeMs());
      g.writeNumberField("client", e.client());
      g.writeStringField("player", e.player());
      g.writeStringField("type", e.type().name().toLowerCase(Locale.ROOT));
      string(g, "from", e.from());
      string(g, "to", e.to());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void matchEvents(JsonGenerator g, List<MatchEvent> events) throws IOException {
    g.writeArrayFieldStart("matchEvents");
    for (MatchEvent e : events) {
      g.writeStartObject();
      g.writeNumberField("timeMs", e.timeMs());
      g.writeStringField("type", e.type().name().toLowerCase(Locale.ROOT));
      g.writeStringField("phase", e.phase().name().toLowerCase(Locale.ROOT));
      g.writeNumberField("round", e.round());
      string(g, "winner", e.winner() == null ? null : label(e.winner()));
      integer(g, "levelStartMs", e.levelStartMs());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void stats(JsonGenerator g, Map<String, PlayerStats> stats) throws IOException {
    g.writeObjectFieldStart("stats");
    for (Map.Entry<String, PlayerStats> e : stats.entrySet()) {
      PlayerStats s = e.getValue();
      g.writeObjectFieldStart(e.getKey());
      g.writeNumberField("client", s.client());
      g.writeStringField("source", s.source().label());
      integer(g, "sourceTimeMs", s.sourceTimeMs());
      g.writeNumberField("kills", s.kills());
      g.writeNumberField("deaths", s.deaths());
      g.writeNumberField("suicides", s.suicides());
      g.writeNumberField("teamKills", s.teamKills());
      g.writeNumberField("headshots", s.headshots());
      integer(g, "damageGiven", s.damageGiven());
      integer(g, "damageReceived", s.damageReceived());
      if (s.accuracy() == null) {
        g.writeNullField("accuracy");
      } else {
        g.writeNumberField("accuracy", s.accuracy());
      }
      g.writeNumberField("timePlayedMs", s.timePlayedMs());
      g.writeNumberField("kdr", s.kdr());
      g.writeStringField("weaponsSource", s.weaponsSource().label());
      g.writeArrayFieldStart("weapons");
      for (PlayerStats.WeaponLine w : s.weapons()) {
        g.writeStartObject();
        g.writeStringField("weapon", w.weapon());
        g.writeNumberField("kills", w.kills());
        g.writeNumberField("deaths", w.deaths());
        g.writeNumberField("headshots", w.headshots());
        integer(g, "shots", w.shots());
        integer(g, "hits", w.hits());
        g.writeEndObject();
      }
      g.writeEndArray();
      PlayerStats.TimelineCounts t = s.timeline();
      g.writeObjectFieldStart("timeline");
      g.writeNumberField("kills", t.kills());
      g.writeNumberField("deaths", t.deaths());
      g.writeNumberField("suicides", t.suicides());
      g.writeNumberField("teamKills", t.teamKills());
      g.writeNumberField("headshots", t.headshots());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void highlights(JsonGenerator g, List<Highlight> highlights) throws IOException {
    g.writeArrayFieldStart("highlights");
    for (Highlight h : highlights) {
      g.writeStartObject();
      g.writeStringField("type", h.type());
      integer(g, "client", h.client());
      g.writeStringField("player", h.player());
      g.writeNumberField("startMs", h.startMs());
      g.writeNumberField("endMs", h.endMs());
      g.writeNumberField("kills", h.kills());
      g.writeNumberField("score", h.score());
      g.writeStringField("explanation", h.explanation());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static String label(Team t) {
    return t.name().toLowerCase(Locale.ROOT);
  }

  private static void string(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  private static void integer(JsonGenerator g, String name, @Nullable Integer value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }
}
