package dev.fragkit.greatshot.demo.internal;

import dev.fragkit.greatshot.demo.ColorCodes;
import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.CommandView.Chat;
import dev.fragkit.greatshot.demo.CommandView.WeaponStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the typed {@link CommandView} of a tokenized server command (format doc §14.2, §14.3).
 * Arguments that do not fit a layout give {@link CommandView.Other}. Stateless and thread-safe.
 */
public final class CommandViews {
  private CommandViews() {}

  /**
   * @param argv tokens, argv[0] is the command name
   * @param version the demo's ET:Legacy version as {@code major*1000000+minor*1000+patch} (0 unknown)
   */
  public static CommandView of(List<String> argv, int version) {
    if (argv.isEmpty()) {
      return new CommandView.Other("", List.of());
    }
    String name = argv.get(0).toLowerCase(Locale.ROOT);
    try {
      CommandView view = typed(name, argv, version);
      if (view != null) {
        return view;
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // the arguments do not fit the documented layout: fall through to Other
      return other(name, argv);
    }
    return other(name, argv);
  }

  private static CommandView other(String name, List<String> argv) {
    return new CommandView.Other(name, argv.subList(1, argv.size()));
  }

  private static CommandView typed(String name, List<String> a, int version) {
    switch (name) {
      case "chat": {
        String text = a.get(1);
        int client = a.size() >= 3 ? Integer.parseInt(a.get(2)) : -1;
        int sep = text.indexOf("^7: ");
        String msg = sep >= 0 ? text.substring(sep + 4) : text;
        return new Chat(name, Chat.Kind.PUBLIC, client, text, ColorCodes.strip(msg));
      }
      case "tchat": {
        String text = a.get(1);
        int client = a.size() >= 3 ? Integer.parseInt(a.get(2)) : -1;
        String msg = text;
        if (msg.length() >= 2 && msg.charAt(0) == '^') {
          msg = msg.substring(2);
        }
        if (msg.startsWith("[nol]")) {
          msg = msg.substring(5);
        }
        return new Chat(name, Chat.Kind.TEAM, client, text, ColorCodes.strip(msg));
      }
      case "vchat":
      case "vtchat":
      case "vbchat": {
        Chat.Kind kind = name.equals("vchat") ? Chat.Kind.VOICE
            : name.equals("vtchat") ? Chat.Kind.VOICE_TEAM : Chat.Kind.VOICE_BUDDY;
        int client = Integer.parseInt(a.get(2));
        String id = a.get(3);
        int customIndex = name.equals("vchat") ? 6 : 9;
        String custom = a.size() > customIndex ? a.get(customIndex) : "";
        return new Chat(name, kind, client, custom, custom.isEmpty() ? id : ColorCodes.strip(custom));
      }
      case "print":
      case "cp":
      case "cpm":
        return new CommandView.Print(name, a.size() > 1 ? a.get(1) : "");
      case "xpgain":
        return new CommandView.XpGain(name, Integer.parseInt(a.get(1)), Double.parseDouble(a.get(2)),
            a.size() > 3 ? a.get(3) : "");
      case "sc": {
        if (a.size() == 2) {
          String arg = a.get(1);
          if (!arg.isEmpty() && digitsOrMinus(arg)) {
            return new CommandView.ScoreTableLine(name, Integer.parseInt(arg), "", false);
          }
          return new CommandView.ScoreTableLine(name, null, arg, false);
        }
        if (a.size() == 3) {
          return new CommandView.ScoreTableLine(name, null, a.get(1), true);
        }
        return null;
      }
      case "ws":
      case "wws":
      case "gstats":
        return weaponStats(name, a, version);
      default:
        return null;
    }
  }

  private static WeaponStats weaponStats(String name, List<String> a, int version) {
    int i = 1;
    int client = Integer.parseInt(a.get(i++));
    int rounds = Integer.parseInt(a.get(i++));
    int mask = Integer.parseInt(a.get(i++));
    List<WeaponStats.WeaponStat> weapons = new ArrayList<>();
    for (int ws = 0; ws < 32; ws++) {
      if ((mask & (1 << ws)) != 0) {
        weapons.add(new WeaponStats.WeaponStat(ws, Integer.parseInt(a.get(i)), Integer.parseInt(a.get(i + 1)),
            Integer.parseInt(a.get(i + 2)), Integer.parseInt(a.get(i + 3)), Integer.parseInt(a.get(i + 4))));
        i += 5;
      }
    }
    WeaponStats.Totals totals = null;
    if (mask != 0) {
      int dg = Integer.parseInt(a.get(i++));
      int dr = Integer.parseInt(a.get(i++));
      int tdg = Integer.parseInt(a.get(i++));
      int tdr = Integer.parseInt(a.get(i++));
      int gibs = Integer.parseInt(a.get(i++));
      if (version >= 2_083_000) {
        i++; // kill assists (v2.83+)
      }
      int selfKills = Integer.parseInt(a.get(i++));
      int teamKills = Integer.parseInt(a.get(i++));
      int teamGibs = Integer.parseInt(a.get(i++));
      double played = Double.parseDouble(a.get(i));
      totals = new WeaponStats.Totals(dg, dr, tdg, tdr, gibs, selfKills, teamKills, teamGibs, played);
    }
    return new WeaponStats(name, client, rounds, weapons, totals);
  }

  /** Every char is a digit ({@link Character#isDigit(int)}) or '-'. */
  private static boolean digitsOrMinus(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isDigit((int) ch) && ch != '-') {
        return false;
      }
    }
    return true;
  }
}
