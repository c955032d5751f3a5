package dev.fragkit.greatshot.udt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.AnalysisBuilder;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.highlight.HighlightEngine;
import dev.fragkit.greatshot.report.AnalysisJson;
import dev.fragkit.greatshot.testing.Golden;
import dev.fragkit.testsupport.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdtReplayRealDataTest {
  @Test
  void sampleUdtJsonGivesTheGoldenAnalysis() throws Exception {
    Path file = SharedData.file("demos/et/scores_test.udt.json");
    AnalysisBuilder builder = AnalysisBuilder.forDemo("scores_test.udt.json").input("udt_json");
    UdtJsonReader.Replay replay = UdtJsonReader.create().replay(file, builder);
    Analysis analysis = builder.build();
    List<Highlight> highlights = HighlightEngine.standard().detect(analysis);

    assertThat(replay.obituaries()).isEqualTo(9);
    Golden.assertMatches("scores_test.udt.analysis.json", AnalysisJson.toJson(analysis, highlights));
  }
}
