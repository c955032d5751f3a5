package dev.fragkit.greatshot.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.CommandView.Chat;
import dev.fragkit.greatshot.demo.CommandView.WeaponStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed views of the server commands of format doc §14.2/§14.3. */
class CommandViewsTest {
  private static final int V2_82 = 2_082_001;
  private static final int V2_83 = 2_083_000;

  private static CommandView view(String text, int version) {
    return CommandViews.of(Tokenizer.tokenize(text), version);
  }

  @Test
  void publicChatSplitsTheNamePrefixOff() {
    assertThat(view("chat \"^1Bob^7^7: ^2^2gg ^3all\" 4\n", V2_83))
        .isEqualTo(new Chat("chat", Chat.Kind.PUBLIC, 4, "^1Bob^7^7: ^2^2gg ^3all", "gg all"));
    assertThat(view("chat \"server message\"", V2_83))
        .isEqualTo(new Chat("chat", Chat.Kind.PUBLIC, -1, "server message", "server message"));
  }

  @Test
  void teamChatDropsItsColourAndNoLocationMarker() {
    assertThat(view("tchat \"^5[nol]need a medic\" 7 0 0 0", V2_83))
        .isEqualTo(new Chat("tchat", Chat.Kind.TEAM, 7, "^5[nol]need a medic", "need a medic"));
  }

  @Test
  void voiceChatGivesTheVoiceIdOrCustomText() {
    assertThat(view("vchat 0 3 Medic 2 15", V2_83))
        .isEqualTo(new Chat("vchat", Chat.Kind.VOICE, 3, "", "Medic"));
    assertThat(view("vtchat 0 3 Medic 1 2 3 2 15 \"^3hurry\"", V2_83))
        .isEqualTo(new Chat("vtchat", Chat.Kind.VOICE_TEAM, 3, "^3hurry", "hurry"));
  }

  @Test
  void printCenterPrintAndPopups() {
    assertThat(view("print \"[lof]Bob entered the game\n\"", V2_83))
        .isEqualTo(new CommandView.Print("print", "[lof]Bob entered the game\n"));
    assertThat(view("cp \"Axis win!\" 1", V2_83)).isEqualTo(new CommandView.Print("cp", "Axis win!"));
  }

  @Test
  void xpGain() {
    assertThat(view("xpgain 4 3.000000 \"kill\"", V2_83))
        .isEqualTo(new CommandView.XpGain("xpgain", 4, 3.0, "kill"));
  }

  @Test
  void scoreTableMarkerLinesAndLastLine() {
    assertThat(view("sc 12", V2_82)).isEqualTo(new CommandView.ScoreTableLine("sc", 12, "", false));
    assertThat(view("sc \"^7TEAM   Player\n\"", V2_82))
        .isEqualTo(new CommandView.ScoreTableLine("sc", null, "^7TEAM   Player\n", false));
    assertThat(view("sc \"end\n\" 0", V2_82)).isEqualTo(new CommandView.ScoreTableLine("sc", null, "end\n", true));
  }

  @Test
  void weaponStatsWithAndWithoutKillAssists() {
    // weapon mask 0b10001: WS 0 (knife) and WS 4 (MP40)
    String common = "ws 3 1 17 1 2 1 0 0 30 60 5 2 1 ";
    WeaponStats old = (WeaponStats) view(common + "100 80 0 10 2 0 1 0 95.5 0", V2_82);
    assertThat(old.client()).isEqualTo(3);
    assertThat(old.weapons()).containsExactly(new WeaponStats.WeaponStat(0, 1, 2, 1, 0, 0),
        new WeaponStats.WeaponStat(4, 30, 60, 5, 2, 1));
    assertThat(old.totals()).isEqualTo(new WeaponStats.Totals(100, 80, 0, 10, 2, 0, 1, 0, 95.5));

    WeaponStats newer = (WeaponStats) view(common + "100 80 0 10 2 7 0 1 0 95.5 0", V2_83);
    assertThat(newer.totals()).isEqualTo(new WeaponStats.Totals(100, 80, 0, 10, 2, 0, 1, 0, 95.5));

    WeaponStats none = (WeaponStats) view("ws 3 0 0 0", V2_83);
    assertThat(none.weapons()).isEmpty();
    assertThat(none.totals()).isNull();
  }

  @Test
  void malformedArgumentsFallBackToOther() {
    assertThat(view("xpgain notanumber 1 x", V2_83))
        .isEqualTo(new CommandView.Other("xpgain", List.of("notanumber", "1", "x")));
    assertThat(view("ws 3 1 17 1", V2_83)).isInstanceOf(CommandView.Other.class);
    assertThat(view("entnfo 4 5", V2_83)).isEqualTo(new CommandView.Other("entnfo", List.of("4", "5")));
    assertThat(view("   ", V2_83)).isEqualTo(new CommandView.Other("", List.of()));
  }
}
