package dev.fragkit.greatshot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.testing.Golden;
import dev.fragkit.testsupport.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The text and HTML reports of the real sample demo. The HTML check is structural rather than a
 * browser run: the page has no script at all (asserted), so "no script errors" holds by
 * construction; it must parse as well-formed XML (so every tag is closed and every attribute quoted)
 * and its SVG must have exactly one lane per player and one kill mark per enemy kill.
 */
class ReportsRealDataTest {
  private static DemoAnalyzer.Result result;

  @BeforeAll
  static void analyse() {
    result = DemoAnalyzer.defaults().analyze(SharedData.file("demos/et/scores_test.dm_84"));
  }

  @Test
  void textReportMatchesItsGoldenFile() throws Exception {
    Golden.assertMatches("scores_test.dm_84.report.txt", TextReport.render(result.analysis(), result.highlights()));
  }

  @Test
  void htmlReportIsWellFormedScriptFreeAndHasOneLanePerPlayer() throws Exception {
    String html = HtmlReport.render(result.analysis(), result.highlights());
    Document doc = parse(html);
    var xpath = XPathFactory.newInstance().newXPath();

    NodeList lanes = (NodeList) xpath.evaluate("//*[local-name()='g' and contains(concat(' ', @class, ' '), ' lane ')]",
        doc, XPathConstants.NODESET);
    assertThat(lanes.getLength()).isEqualTo(result.analysis().players().size()).isEqualTo(13);
    NodeList scripts = (NodeList) xpath.evaluate("//*[local-name()='script']", doc, XPathConstants.NODESET);
    assertThat(scripts.getLength()).isZero();
    NodeList handlers = (NodeList) xpath.evaluate("//@*[starts-with(local-name(), 'on')]", doc, XPathConstants.NODESET);
    assertThat(handlers.getLength()).isZero();
    NodeList external = (NodeList) xpath.evaluate("//@src | //*[local-name()='link']", doc, XPathConstants.NODESET);
    assertThat(external.getLength()).as("self-contained: no external resources").isZero();
    NodeList killMarks = (NodeList) xpath.evaluate("//*[local-name()='g' and @class='marks']/*[local-name()='circle']", doc,
        XPathConstants.NODESET);
    assertThat(killMarks.getLength()).isEqualTo(9);
    NodeList spans = (NodeList) xpath.evaluate("//*[local-name()='rect' and starts-with(@class, 'span ')]", doc,
        XPathConstants.NODESET);
    assertThat(spans.getLength()).isEqualTo(result.highlights().size() + 1); // + the legend swatch
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }
}
