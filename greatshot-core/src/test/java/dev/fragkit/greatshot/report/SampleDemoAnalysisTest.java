package dev.fragkit.greatshot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.testing.Golden;
import dev.fragkit.testsupport.SharedData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real sample demo, analysed from the binary file and from UDT's JSON of it. */
class SampleDemoAnalysisTest {
  private static DemoAnalyzer.Result binary;
  private static DemoAnalyzer.Result udt;

  @BeforeAll
  static void analyse() {
    DemoAnalyzer analyzer = DemoAnalyzer.defaults();
    binary = analyzer.analyze(SharedData.file("demos/et/scores_test.dm_84"));
    udt = analyzer.analyze(SharedData.file("demos/et/scores_test.udt.json"));
  }

  @Test
  void binaryDemoGivesTheGoldenAnalysis() throws Exception {
    Golden.assertMatches("scores_test.dm_84.analysis.json", AnalysisJson.toJson(binary.analysis(), binary.highlights()));
  }

  @Test
  void udtJsonGivesTheGoldenAnalysis() throws Exception {
    Golden.assertMatches("scores_test.udt.analysis.json", AnalysisJson.toJson(udt.analysis(), udt.highlights()));
  }

  @Test
  void binaryAndUdtJsonGiveTheSameKills() {
    assertThat(binary.analysis().kills()).isNotEmpty().isEqualTo(udt.analysis().kills());
  }

  @Test
  void binaryAndUdtJsonGiveTheSameHighlights() {
    assertThat(binary.highlights()).isNotEmpty().isEqualTo(udt.highlights());
  }

  @Test
  void binaryAndUdtJsonAgreeOnRosterStatsAndChat() {
    assertThat(binary.analysis().players()).isEqualTo(udt.analysis().players());
    assertThat(binary.analysis().stats()).isEqualTo(udt.analysis().stats());
    assertThat(binary.analysis().chat()).isEqualTo(udt.analysis().chat());
    assertThat(binary.analysis().playerEvents()).isEqualTo(udt.analysis().playerEvents());
  }

  @Test
  void demoFactsMatchTheFileAndTheReadme() {
    var demo = binary.analysis().demo();
    assertThat(demo.sha256()).isEqualTo("e1d34991f61b29e781634ad4f84467d97d9dac1221873a2907f1239e19407262");
    assertThat(demo.map()).isEqualTo("adlernest");
    assertThat(demo.mod()).isEqualTo("legacy");
    assertThat(demo.modVersion()).isEqualTo("v2.82.1-140-g9f3f7f2");
    assertThat(demo.gametype()).isEqualTo("stopwatch");
    assertThat(demo.recorderClient()).isZero();
    assertThat(demo.durationMs()).isEqualTo(17775);
    assertThat(binary.analysis().players()).hasSize(13);
  }

  @Test
  void aTruncatedDemoIsAnalysedUpToTheCutWithAWarning() throws Exception {
    byte[] bytes = java.nio.file.Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
    dev.fragkit.greatshot.analysis.AnalysisBuilder builder =
        dev.fragkit.greatshot.analysis.AnalysisBuilder.forDemo("cut.dm_84");
    dev.fragkit.greatshot.demo.DemoReader.defaults()
        .read(java.nio.ByteBuffer.wrap(bytes, 0, bytes.length * 3 / 4), "cut.dm_84", builder);
    var cut = builder.build();

    assertThat(cut.warnings()).singleElement().asString().startsWith("demo is truncated");
    assertThat(cut.kills()).isNotEmpty().isSubsetOf(binary.analysis().kills());
    assertThat(cut.kills().size()).isLessThan(binary.analysis().kills().size());
  }

  @Test
  void everyReferenceObituaryIsAKill() {
    // The nine obituaries UDT_json reports for this demo (attacker>victim@time).
    List<String> reference = List.of("5>10@55250", "3>6@55600", "2>11@56800", "3>2@58150", "12>3@59925",
        "5>12@62725", "1>4@64825", "5>6@65600", "5>8@66200");
    List<String> ours = binary.analysis().kills().stream()
        .map(k -> k.attacker() + ">" + k.victim() + "@" + k.timeMs()).collect(Collectors.toList());
    assertThat(ours).containsAll(reference);
  }

  @Test
  void theReferenceHighlightsAreFound() {
    // Reference Greatshot on this demo: multi_kill, burst_multi_kill (30) and spree (28) for [BOT]Nohope.
    List<Highlight> nohope = binary.highlights().stream().filter(h -> h.player().equals("[BOT]Nohope")).toList();
    assertThat(nohope).extracting(Highlight::type, Highlight::score)
        .contains(org.assertj.core.groups.Tuple.tuple("multi_kill", 30.0),
            org.assertj.core.groups.Tuple.tuple("burst_multi_kill", 30.0),
            org.assertj.core.groups.Tuple.tuple("spree", 28.0));
    assertThat(binary.analysis().kills()).allMatch(Kill::enemyKill);
  }
}
