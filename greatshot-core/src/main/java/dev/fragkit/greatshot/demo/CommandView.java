package dev.fragkit.greatshot.demo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Typed views of server commands (format doc §14.2). Arguments are tokenized the engine's way
 * (§14.1). A command whose arguments do not fit its layout is an {@link Other}, never an error.
 */
public sealed interface CommandView {
  /** The command name, argv[0], lower-cased. */
  String name();

  /** {@code chat}, {@code tchat} and the voice-chat forms. */
  record Chat(String name, Kind kind, int client, String text, String message) implements CommandView {
    /** Which channel. */
    public enum Kind { PUBLIC, TEAM, VOICE, VOICE_TEAM, VOICE_BUDDY }

    /**
     * @param client the sender's client number, −1 for a console/server message
     * @param text the text as sent, colour codes kept (for voice chat: the custom text)
     * @param message the human message: for {@code chat} the part after {@code "<name>^7: "} with
     *     colour codes removed; for team chat the text without its leading colour code and
     *     {@code [nol]}; for voice chat the voice id (e.g. {@code Medic}) or custom text
     */
    public Chat {}
  }

  /** {@code print}, {@code cp} and {@code cpm}: text shown on screen. */
  record Print(String name, String text) implements CommandView {}

  /** {@code xpgain <skill> <points> "<reason>"} (v2.82.0+, sent to the earner only). */
  record XpGain(String name, int skill, double points, String reason) implements CommandView {}

  /** {@code sc} lines of the end-of-match table (§14.3): a start marker, lines, the last line. */
  record ScoreTableLine(String name, @Nullable Integer startCount, String line, boolean last) implements CommandView {}

  /**
   * {@code ws}/{@code wws}/{@code gstats} weapon statistics (§14.2).
   *
   * @param totals present when the weapon mask was not zero
   */
  record WeaponStats(String name, int client, int rounds, List<WeaponStat> weapons, @Nullable Totals totals)
      implements CommandView {
    public WeaponStats {
      weapons = List.copyOf(weapons);
    }

    /** Per-weapon counters for a {@code WS_*} index (§12.6). */
    public record WeaponStat(int ws, int hits, int attempts, int kills, int deaths, int headshots) {}

    /** The per-player totals after the weapon list. */
    public record Totals(int damageGiven, int damageReceived, int teamDamageGiven, int teamDamageReceived, int gibs,
        int selfKills, int teamKills, int teamGibs, double timePlayedPercent) {}
  }

  /** Any other command: name and arguments (argv[1..]). */
  record Other(String name, List<String> args) implements CommandView {
    public Other {
      args = List.copyOf(args);
    }
  }
}
