package dev.fragkit.greatshot.udt;

import dev.fragkit.greatshot.analysis.internal.ColorCodes;
import dev.fragkit.greatshot.analysis.internal.CommandTokenizer;
import dev.fragkit.greatshot.demo.CommandView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gives verbatim server-command text (UDT's {@code rawCommands}) the typed {@link CommandView} a
 * binary demo reader gives it (format doc §14.2). A command whose arguments do not fit its layout
 * is an {@link CommandView.Other}. Immutable, thread-safe.
 */
final class CommandViews {
  private CommandViews() {}

  /**
   * @param killAssists whether {@code ws} carries the killAssists total (ET:Legacy 2.83 and later)
   */
  static CommandView classify(String text, boolean killAssists) {
    List<String> argv = CommandTokenizer.tokenize(text);
    if (argv.isEmpty()) {
      return new CommandView.Other("", List.of());
    }
    String name = argv.get(0).toLowerCase(Locale.ROOT);
    List<String> args = argv.subList(1, argv.size());
    try {
      CommandView v = switch (name) {
        case "chat" -> chat(name, args);
        case "tchat" -> teamChat(name, args);
        case "vchat", "vtchat", "vbchat" -> voiceChat(name, args);
        case "print", "cp", "cpm" -> args.isEmpty() ? null : new CommandView.Print(name, args.get(0));
        case "xpgain" -> args.size() < 3 ? null
            : new CommandView.XpGain(name, Integer.parseInt(args.get(0)), Double.parseDouble(args.get(1)), args.get(2));
        case "sc" -> scoreLine(name, args);
        case "ws", "wws", "gstats" -> weaponStats(name, args, killAssists);
        default -> null;
      };
      if (v != null) {
        return v;
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // arguments do not fit the layout: fall through to Other, as the contract says
    }
    return new CommandView.Other(name, args);
  }

  private static CommandView.Chat chat(String name, List<String> args) {
    String text = args.get(0);
    int client = args.size() >= 2 ? Integer.parseInt(args.get(1)) : -1;
    int sep = text.indexOf(": ");
    String message = ColorCodes.strip(sep >= 0 && client >= 0 ? text.substring(sep + 2) : text).trim();
    return new CommandView.Chat(name, CommandView.Chat.Kind.PUBLIC, client, text, message);
  }

  private static CommandView.Chat teamChat(String name, List<String> args) {
    String text = args.get(0);
    int client = args.size() >= 2 ? Integer.parseInt(args.get(1)) : -1;
    String body = text.length() >= 2 && text.charAt(0) == '^' ? text.substring(2) : text;
    if (body.startsWith("[nol]")) {
      body = body.substring(5);
    }
    return new CommandView.Chat(name, CommandView.Chat.Kind.TEAM, client, text, ColorCodes.strip(body).trim());
  }

  private static CommandView.Chat voiceChat(String name, List<String> args) {
    int client = Integer.parseInt(args.get(1));
    String id = args.get(2);
    int customAt = name.equals("vchat") ? 5 : 8;
    String custom = args.size() > customAt ? args.get(customAt) : "";
    CommandView.Chat.Kind kind = switch (name) {
      case "vtchat" -> CommandView.Chat.Kind.VOICE_TEAM;
      case "vbchat" -> CommandView.Chat.Kind.VOICE_BUDDY;
      default -> CommandView.Chat.Kind.VOICE;
    };
    String message = custom.isEmpty() ? id : ColorCodes.strip(custom).trim();
    return new CommandView.Chat(name, kind, client, custom, message);
  }

  private static CommandView.ScoreTableLine scoreLine(String name, List<String> args) {
    if (args.size() == 1) {
      String a = args.get(0).trim();
      if (a.matches("-?\\d+")) {
        return new CommandView.ScoreTableLine(name, Integer.parseInt(a), "", false);
      }
      return new CommandView.ScoreTableLine(name, null, args.get(0), false);
    }
    return new CommandView.ScoreTableLine(name, null, args.get(0), args.size() >= 2);
  }

  private static CommandView.WeaponStats weaponStats(String name, List<String> args, boolean killAssists) {
    int i = 0;
    int client = Integer.parseInt(args.get(i++));
    int rounds = Integer.parseInt(args.get(i++));
    long mask = Long.parseLong(args.get(i++));
    List<CommandView.WeaponStats.WeaponStat> weapons = new ArrayList<>();
    for (int ws = 0; ws < 32; ws++) {
      if ((mask & (1L << ws)) != 0) {
        weapons.add(new CommandView.WeaponStats.WeaponStat(ws, Integer.parseInt(args.get(i)),
            Integer.parseInt(args.get(i + 1)), Integer.parseInt(args.get(i + 2)), Integer.parseInt(args.get(i + 3)),
            Integer.parseInt(args.get(i + 4))));
        i += 5;
      }
    }
    CommandView.WeaponStats.Totals totals = null;
    if (mask != 0) {
      int dg = Integer.parseInt(args.get(i++));
      int dr = Integer.parseInt(args.get(i++));
      int tdg = Integer.parseInt(args.get(i++));
      int tdr = Integer.parseInt(args.get(i++));
      int gibs = Integer.parseInt(args.get(i++));
      if (killAssists) {
        Integer.parseInt(args.get(i++));
      }
      int selfKills = Integer.parseInt(args.get(i++));
      int teamKills = Integer.parseInt(args.get(i++));
      int teamGibs = Integer.parseInt(args.get(i++));
      double pct = Double.parseDouble(args.get(i));
      totals = new CommandView.WeaponStats.Totals(dg, dr, tdg, tdr, gibs, selfKills, teamKills, teamGibs, pct);
    }
    return new CommandView.WeaponStats(name, client, rounds, weapons, totals);
  }
}
