package io.firebreak.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.cli.FirebreakCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code firebreak rules test} on the shipped fixtures, and on fixtures or thresholds changed so they no longer hold. */
class RuleTestsTest {

    @Test
    void shippedFixturesPass_andEveryRuleHasAFiringAndAQuietFixture(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("reports/rules.xml");

        FirebreakCli.Result run = rulesTest("--junit", xml.toString());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("rule tests: ").contains(" 0 failed, 0 fixture(s) not run");
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        List<String> suites = new ArrayList<>();
        NodeList suiteNodes = root.getElementsByTagName("testsuite");
        long cases = 0;
        for (int i = 0; i < suiteNodes.getLength(); i++) {
            Element s = (Element) suiteNodes.item(i);
            suites.add(s.getAttribute("name"));
            NodeList tc = s.getElementsByTagName("testcase");
            // the counts Jenkins shows come from these attributes: they must agree with the cases
            assertThat(Long.parseLong(s.getAttribute("tests"))).isEqualTo(tc.getLength());
            cases += tc.getLength();
            for (int k = 0; k < tc.getLength(); k++) {
                Element c = (Element) tc.item(k);
                assertThat(c.getAttribute("classname")).isEqualTo("rules.tests." + s.getAttribute("name"));
                assertThat(c.getAttribute("name")).matches("[a-z-]+: .+");
                assertThat(c.getAttribute("time")).matches("\\d+\\.\\d{3}");
            }
        }
        assertThat(Long.parseLong(root.getAttribute("tests"))).isEqualTo(cases);
        // a suite per fixture file, plus the coverage check
        try (var files = Files.list(Path.of("rules/tests"))) {
            List<String> fixtures = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .sorted().map(n -> n.replace(".yaml", "")).toList();
            assertThat(suites).containsExactlyElementsOf(concat(fixtures, "coverage"));
        }
        for (String rule : List.of("negative-spike", "negative-share-shift", "volume-spike", "viral-post",
                "influencer-complaint", "crisis-keyword-surge")) {
            assertThat(run.out()).contains("ok    " + rule + ": has a firing fixture", "ok    " + rule + ": has a quiet fixture");
        }
    }

    @Test
    void aRaisedThreshold_failsReadably_withWhatFiredAndTheWindowFigures(@TempDir Path dir) throws Exception {
        Path thresholds = dir.resolve("thresholds.yaml");
        // negative-spike's SEV2 step moved out of reach: the fixture's escalation at 1510m no longer holds
        Files.writeString(thresholds, Files.readString(Path.of("config/thresholds.yaml"))
                .replace("sev2: {count: 50, measure: 8.0}", "sev2: {count: 500, measure: 8.0}"));
        Path xml = dir.resolve("rules.xml");

        FirebreakCli.Result run = rulesTest("--thresholds", thresholds.toString(), "--junit", xml.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL  negative-spike: acme SEV2 escalated final at 1510m ±2m  (rules/tests/negative-spike.yaml:20)")
                // the 60-minute share rule carries the same alert to SEV2 later; negative-spike's own step no longer does
                .contains("the first matching version came at 1522m, outside 1508m..1512m")
                .contains("a version with rule=negative-spike brand=acme severity=SEV2 status=escalated from a final minute")
                .containsPattern("1506m +acme/other/20260303T0106Z +v1 +opened +negative-spike +SEV3 firing +early")
                .contains("windows of acme at 1510m (2026-03-03T01:10:00Z)")
                .containsPattern("15m +count=\\d+ negativeCount=\\d+ negativeOriginals=\\d+")
                .contains("negative-spike thresholds: span 15m, min-count 20, min-originals 15, ratio 4, min-z 6, "
                        + "sev2 {count=500, measure=8.0}")
                .contains(" 1 failed");
        Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("the first matching version came at 1522m, outside 1508m..1512m");
        Element testcase = (Element) failure.getParentNode();
        assertThat(testcase.getAttribute("name")).isEqualTo("negative-spike: acme SEV2 escalated final at 1510m ±2m");
        assertThat(testcase.getAttribute("line")).isEqualTo("20");
        assertThat(failure.getTextContent()).contains("windows of acme at 1510m");
    }

    @Test
    void aChangedExpectation_andAFloorLowered_failOnTheirOwnLines(@TempDir Path dir) throws Exception {
        Path tests = dir.resolve("tests");
        Files.createDirectories(tests);
        // the fixture says the wave is seen at 1500m; it is not seen until the early look at 1506m
        Files.writeString(tests.resolve("early.yaml"), Files.readString(Path.of("rules/tests/negative-spike.yaml"))
                .replace("at: 1506m\n    within: 2m", "at: 1500m\n    within: 2m"));
        // min-count lowered to 15: the small brand's 18 complaints in 15 minutes now fire
        Files.copy(Path.of("rules/tests/negative-spike-small-brand.yaml"), tests.resolve("small.yaml"));
        Path thresholds = dir.resolve("thresholds.yaml");
        Files.writeString(thresholds, Files.readString(Path.of("config/thresholds.yaml"))
                .replaceFirst("min-count: 20", "min-count: 15"));

        FirebreakCli.Result run = rulesTest("--tests", tests.toString(), "--thresholds", thresholds.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL  negative-spike: acme SEV3 firing early at 1500m ±2m")
                .contains("the first matching version came at 1506m, outside 1498m..1502m")
                .contains("FAIL  negative-spike: silent tiny from 0m to 1560m")
                .containsPattern("alert version\\(s\\) in the interval, the first negative-spike SEV3 at 15\\d\\dm")
                .contains("negative-spike thresholds: span 15m, min-count 15");
        // and the coverage check names the rules this folder has no fixture for
        assertThat(run.out()).contains("FAIL  volume-spike: has a firing fixture");
    }

    @Test
    void aDecisionChanged_inThresholdsYaml_failsTheFixtureThatReliesOnIt(@TempDir Path dir) throws Exception {
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.copy(Path.of("rules/tests/merge-other.yaml"), tests.resolve("merge-other.yaml"));
        Path thresholds = dir.resolve("thresholds.yaml");
        String shipped = Files.readString(Path.of("config/thresholds.yaml"));
        assertThat(shipped).contains("  merge-other: true ");
        Files.writeString(thresholds, shipped.replace("  merge-other: true ", "  merge-other: false"));

        FirebreakCli.Result run = rulesTest("--tests", tests.toString(), "--thresholds", thresholds.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("ok    crisis-keyword-surge: acme safety at 1510m")
                .contains("FAIL  any: silent acme other from 0m to 1620m")
                .containsPattern("\\d+ alert version\\(s\\) in the interval, the first volume-spike SEV3 at 15\\d\\dm")
                .containsPattern("acme/other/\\S+ +v1 +opened +volume-spike");
    }

    @Test
    void aMentionFile_isEnrichedAsLive_andMixesWithSeries(@TempDir Path dir) throws Exception {
        // 2026-03-03T01:00:30Z is 1500.5 minutes after the default start
        Files.writeString(dir.resolve("complaint.ndjson"), """
                {"id": "p1", "source": "twitter", "created_at": "2026-03-03T01:00:30Z", "brand": "acme", \
                "text": "This is terrible, the worst service ever. I hate it.", "author": {"handle": "big", "followers": 250000}}
                {"id": "p2", "source": "twitter", "created_at": "2026-03-03T01:30:30Z", "brand": "acme", \
                "text": "What a lovely day, thanks for the great help!", "author": {"handle": "big", "followers": 250000}}
                """);
        Files.writeString(dir.resolve("file.yaml"), """
                name: a real complaint from a big account
                input:
                  - acme total: 8x1560
                  - mentions: complaint.ndjson
                expect:
                  - alert: influencer-complaint
                    brand: acme
                    at: 1501m
                    within: 1m
                  - silence: influencer-complaint
                    from: 1502m
                """);

        FirebreakCli.Result run = rulesTest("--tests", dir.toString());

        // the first is scored negative and alerts; the second, as positive, does not (the coverage check fails: a folder of one)
        assertThat(run.out()).contains("ok    influencer-complaint: acme at 1501m ±1m")
                .contains("ok    influencer-complaint: silent from 1502m to 1560m");
    }

    @Test
    void aBrokenFixture_isAnErrorNamingEachLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), """
                name: broken
                input:
                  - acme negative: 2x600 than 30x15
                  - acme grumpy: 1x10
                expect:
                  - alert: negative-spike
                    brand: acme
                  - silence: any
                    untill: 20m
                """);
        Path xml = dir.resolve("rules.xml");

        FirebreakCli.Result run = rulesTest("--tests", dir.toString(), "--junit", xml.toString());

        assertThat(run.exit()).isEqualTo(1);
        String f = dir.resolve("broken.yaml").toString();
        assertThat(run.out())
                .contains("ERROR " + f + ":3: series 'acme negative': '2x600 than 30x15' is not <per-minute>x<minutes>")
                .contains("ERROR " + f + ":4: series 'acme grumpy': expected '<brand> <negative|neutral|positive|total> [category]'")
                .contains("ERROR " + f + ":6: an alert expectation needs at:")
                .contains("ERROR " + f + ":9: unknown key 'untill' in a silence expectation");
        Element error = (Element) parse(xml).getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("invalid fixture");
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    static FirebreakCli.Result rulesTest(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "rules";
        all[1] = "test";
        System.arraycopy(args, 0, all, 2, args.length);
        return FirebreakCli.execute(all);
    }
}
