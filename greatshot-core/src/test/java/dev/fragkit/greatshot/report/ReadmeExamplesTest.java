package dev.fragkit.greatshot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.AnalysisBuilder;
import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.highlight.HighlightConfig;
import dev.fragkit.greatshot.highlight.HighlightContext;
import dev.fragkit.greatshot.highlight.HighlightEngine;
import dev.fragkit.greatshot.highlight.HighlightRule;
import dev.fragkit.testsupport.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's Java snippets, verbatim between the markers, so they compile and run. */
class ReadmeExamplesTest {
  private static final Logger log = LoggerFactory.getLogger(ReadmeExamplesTest.class);

  /** A custom rule, as a user would write one: every knife kill is a highlight. */
  private final HighlightRule knifeKills = new HighlightRule() {
    @Override
    public String name() {
      return "knife_kill";
    }

    @Override
    public List<Highlight> detect(HighlightContext context) {
      List<Highlight> out = new ArrayList<>();
      for (int i = 0; i < context.kills().size(); i++) {
        Kill k = context.kills().kill(i);
        if (k.enemyKill() && k.mod() == MeansOfDeath.MOD_KNIFE) {
          out.add(new Highlight("knife_kill", k.attacker(), k.attackerName(), k.timeMs(), k.timeMs(), 1, 15,
              "knifed " + k.victimName()));
        }
      }
      return out;
    }
  };

  @Test
  void readmeSnippetsRun() {
    Path demo = SharedData.file("demos/et/scores_test.dm_84");
    // --- README begin
    // One call: read the demo (or UDT_json), analyse it, detect highlights.
    DemoAnalyzer.Result result = DemoAnalyzer.defaults().analyze(demo);
    for (Highlight h : result.highlights()) {
      log.info("{} {} {}-{} score {}: {}", h.type(), h.player(), h.startMs(), h.endMs(), h.score(), h.explanation());
    }
    String json = AnalysisJson.toJson(result.analysis(), result.highlights());

    // Or compose it yourself: the analysis is a DemoListener, highlights take an immutable config.
    AnalysisBuilder builder = AnalysisBuilder.forDemo("scores_test.dm_84");
    DemoReader.defaults().read(demo, builder);
    Analysis analysis = builder.build();
    HighlightConfig config = HighlightConfig.defaults().toBuilder().spreeMin(5).build();
    List<Highlight> highlights = HighlightEngine.builder()
        .config(config)
        .stockRules()
        .rule(knifeKills) // your own HighlightRule: name() + detect(HighlightContext)
        .build()
        .detect(analysis);
    // --- README end

    assertThat(json).contains("\"totalKills\": 9");
    assertThat(highlights).extracting(Highlight::type).doesNotContain("spree").contains("multi_kill");
    assertThat(result.highlights()).extracting(Highlight::type).contains("spree");
  }

  @Test
  void readmeShowsExactlyTheseSnippets() throws Exception {
    String source = java.nio.file.Files.readString(
        Path.of("src/test/java/dev/fragkit/greatshot/report/ReadmeExamplesTest.java"));
    String snippet = source.substring(source.indexOf("// --- README begin\n") + "// --- README begin\n".length(),
        source.indexOf("    // --- README end"));
    String readme = java.nio.file.Files.readString(Path.of("../README.md"));
    String block = readme.substring(readme.indexOf("```java\n", readme.indexOf("### Demo analysis")) + 8);
    block = block.substring(0, block.indexOf("```"));
    String unindented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(block).isEqualTo(unindented);
  }
}
