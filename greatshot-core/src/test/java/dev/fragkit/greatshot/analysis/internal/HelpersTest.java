package dev.fragkit.greatshot.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.internal.Text;
import dev.fragkit.greatshot.demo.internal.Tokenizer;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class HelpersTest {
  @Test
  void infoStringsParseWithOrWithoutTheLeadingBackslash() {
    assertThat(Text.parseInfo("\\a\\1\\b\\2")).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(Text.parseInfo("n\\Bob\\t\\2")).containsEntry("n", "Bob").containsEntry("t", "2");
    assertThat(Text.parseInfo("\\a\\\\b\\x")).containsEntry("a", "").containsEntry("b", "x");
    assertThat(Text.parseInfo("\\lonely")).containsEntry("lonely", "");
    assertThat(Text.parseInfo("")).isEmpty();
  }

  @Test
  void tokenizerFollowsTheEngineRules() {
    assertThat(Tokenizer.tokenize("cs 691 \"n\\Bob\\t\\2\"\n")).containsExactly("cs", "691", "n\\Bob\\t\\2");
    assertThat(Tokenizer.tokenize("print \"unterminated")).containsExactly("print", "unterminated");
    assertThat(Tokenizer.tokenize("say hi // comment")).containsExactly("say", "hi");
    assertThat(Tokenizer.tokenize("url http://x.y")).containsExactly("url", "http://x.y");
    assertThat(Tokenizer.tokenize("a /* skip */ b")).containsExactly("a", "b");
    assertThat(Tokenizer.tokenize("sc \"\" 0")).containsExactly("sc", "", "0");
    assertThat(Tokenizer.tokenize("x ".repeat(300))).hasSize(Tokenizer.MAX_TOKENS);
  }

  @Test
  void scoreTableHandlesAllHeaderGenerationsAndNamesWithSpaces() {
    ScoreTable old = new ScoreTable(); // <= 2.76: no GUID column
    old.accept("^7TEAM       Player          TmX TmL TmP Kll Dth Gib  SK  TK  TG Eff    DG    DR  TDG  TDR  Score");
    old.accept("^1Axis^7       ^7big boss man      1   0 100  12   3   2   0   1   0  80  2000   900   10    0     55");
    old.accept("^1Axis^7       ^5Totals            1   0 100  12   3   2   0   1   0  80  2000   900   10    0     55");
    assertThat(old.rows()).containsExactly(
        new ScoreTable.Row("axis", "big boss man", 12, 3, 2, 0, 1, 2000, 900, 10, 0, 55));

    ScoreTable ast = new ScoreTable(); // >= 2.83: Ast column between Kll and Dth
    ast.accept("GUID      TEAM       Player          TmX TmL TmP Kll Ast Dth Gib  SK  TK  TG Eff  DG  DR TDG TDR Score");
    ast.accept("ABCD1234* Allies     Zed               0   4 100   5   9   1   0   0   0   0  83 700 100   0   0    30");
    assertThat(ast.rows()).extracting(ScoreTable.Row::kills, ScoreTable.Row::deaths)
        .containsExactly(Tuple.tuple(5, 1));
  }

  @Test
  void scoreTableNamesMatchTruncatedCleanNames() {
    ScoreTable.Row row = new ScoreTable.Row("axis", "averyverylongna", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ScoreTable.find(List.of(row), "averyverylongname")).contains(row);
    assertThat(ScoreTable.find(List.of(row), "other")).isEmpty();
    assertThat(ScoreTable.find(List.of(row, row), "averyverylongname")).as("ambiguous").isEmpty();
  }

  @Test
  void weaponsHaveCanonicalNames() {
    assertThat(Weapons.canonical(MeansOfDeath.MOD_MP40)).isEqualTo("mp40");
    assertThat(Weapons.canonical(MeansOfDeath.MOD_FG42SCOPE)).isEqualTo("fg42_scope");
    assertThat(Weapons.canonical(MeansOfDeath.MOD_GRENADE_LAUNCHER)).isEqualTo("grenade_launcher");
    assertThat(Weapons.ofWeaponStat(22)).isEqualTo("carbine");
    assertThat(Weapons.ofWeaponStat(40)).isEqualTo("ws_40");
  }
}
