package org.spaprov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.validate.SyntaxError;

/**
 * Runs every rule, trigger and schedule value of the real-world profiles in
 * {@code shared/corpus} (found through the system property {@code spaprov.shared}) through
 * {@link RuleChecks}: real values parse, template placeholders are reported at their column.
 */
class CorpusRulesTest {
    private static final Pattern ELEMENT = Pattern.compile(
            "<(Profile_Rule(?:_[BCD])?|Upgrade_Rule|Report_Rule|Resync_Trigger_[12]|Resync_Periodic"
                    + "|Resync_Error_Retry_Delay|Upgrade_Error_Retry_Delay)(?:\\s[^>]*)?>([^<]*)</\\1>");

    private static String kind(String element) {
        if (element.startsWith("Resync_Trigger")) {
            return "condition";
        }
        if (element.equals("Upgrade_Rule")) {
            return "upgrade-rule";
        }
        return element.endsWith("_Rule") || element.startsWith("Profile_Rule") ? "rule" : "schedule";
    }

    private static Map<String, Optional<SyntaxError>> checkCorpus(Path corpus) throws IOException {
        Map<String, Optional<SyntaxError>> results = new TreeMap<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                Matcher m = ELEMENT.matcher(text);
                while (m.find()) {
                    String value = m.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&quot;", "\"");
                    results.put(m.group(1) + " " + value, RuleChecks.checks().get(kind(m.group(1))).check(value));
                }
            }
        }
        return results;
    }

    @Test
    void corpusValues() throws IOException {
        String shared = System.getProperty("spaprov.shared");
        assumeTrue(shared != null, "spaprov.shared not set");
        Path corpus = Path.of(shared, "corpus");
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);

        Map<String, Optional<SyntaxError>> r = checkCorpus(corpus);
        assertThat(r).containsEntry("Profile_Rule /spa$MAU.cfg", Optional.empty())
                .containsEntry("Profile_Rule /spa$PSN.cfg", Optional.empty())
                .containsEntry("Profile_Rule tftp://{$server.ip.1}/spa$MA.xml",
                        Optional.of(new SyntaxError(7, "unexpected character in the server name")))
                // '#' starts a comment, so the device sees only "tftp://"
                .containsEntry("Profile_Rule tftp://##TFTP##/spa$MA.xml",
                        Optional.of(new SyntaxError(7, "missing path: the URL needs an absolute path starting with '/'")))
                .containsEntry("Resync_Periodic 86400", Optional.empty())
                .containsEntry("Resync_Error_Retry_Delay 900", Optional.empty())
                .containsEntry("Upgrade_Rule ( $SWVER lt 7.5.2b )? http://cdn.ipex.cz/provisioning/spa50x-30x-7-5-2b.bin"
                        + " | http://cdn.ipex.cz/provisioning/spa50x-30x-7-6-2.bin", Optional.empty());
        // Template placeholders are not rules: each is reported where it starts.
        assertThat(r.get("Profile_Rule {$provisioning_type}://{$provisioning_path}/spa$MA.xml"))
                .hasValueSatisfying(e -> assertThat(e.column()).isZero());
        assertThat(r.get("Profile_Rule tftp://{$SERVER_IP}/spa{$MAC_ADDRESS}.cfg"))
                .hasValueSatisfying(e -> assertThat(e.column()).isEqualTo(7));
        assertThat(r.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey))
                .hasSize(4).allSatisfy(k -> assertThat(k).containsAnyOf("{", "##"));
    }

    @Test
    void steppedUpgradeRuleOfTheCorpus() { // cervajs default.xml: step through 7.5.2b before 7.6.2
        String rule = "( $SWVER lt 7.5.2b )? http://cdn.ipex.cz/provisioning/spa50x-30x-7-5-2b.bin"
                + " | http://cdn.ipex.cz/provisioning/spa50x-30x-7-6-2.bin";
        var old = (RuleOutcome.Selected) Rules.evaluate(rule, RuleKind.UPGRADE, Variables.empty().with("SWVER", "7.4.9c"));
        assertThat(old.alternative()).isZero();
        var mid = (RuleOutcome.Selected) Rules.evaluate(rule, RuleKind.UPGRADE, Variables.empty().with("SWVER", "7.5.2b"));
        assertThat(mid.alternative()).isEqualTo(1);
        assertThat(mid.url().orElseThrow().path()).isEqualTo("/provisioning/spa50x-30x-7-6-2.bin");
    }
}
