package org.spaprov.profile.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.text.TextProfileReader;
import org.spaprov.profile.xml.XmlProfileReader;

/**
 * Reads every profile of {@code ../shared/corpus} (found through the system property
 * {@code spaprov.shared}), validates it against the closest model and checks the counted findings,
 * so a change in reader or catalog behaviour shows up here. Skipped when the corpus is absent.
 */
class CorpusValidationTest {
    private static Path corpus() {
        String shared = System.getProperty("spaprov.shared");
        assumeTrue(shared != null, "spaprov.shared not set");
        Path c = Path.of(shared, "corpus");
        assumeTrue(Files.isDirectory(c), "no corpus at " + c);
        return c;
    }

    /** file, model, expected errors, expected warnings (-1 errors: the file cannot be read at all). */
    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("sipxecs-spa2102.cfg", "spa2102", 3, 157),
                Arguments.of("sipxecs-spa3102.cfg", "spa3102", 7, 8),
                Arguments.of("sipxecs-spa8000.cfg", "spa8000", 3, 147),
                Arguments.of("sipxecs-spa942.cfg", "spa942", 0, 5),
                Arguments.of("sipxecs-default.cfg", "spa2102", 0, 0),
                Arguments.of("julianjm-spa922-spacfg.xml", "spa942", 0, 201),
                Arguments.of("wazo-spa-ata.xml", "spa2102", 0, 199),
                Arguments.of("wazo-spa-phone.xml", "spa942", 0, 329),
                Arguments.of("provisioner-linksysata-model.cfg", "spa2102", 0, 0),
                Arguments.of("provisioner-spa5xx-model.cfg", "spa942", 0, 1449),
                Arguments.of("astportal-spa504g-v7.5.5.xml", "spa942", 0, 1622),
                Arguments.of("cervajs-spa50x-default.xml", "spa942", 1, 22),
                Arguments.of("spa3102-sample-profile.txt", "spa3102", 0, 0),
                Arguments.of("interax-Linksys_Generics.xslt", "spa3102", -1, 0),
                Arguments.of("elastix-Linksys_local_spa.tpl", "spa942", 3, 4),
                Arguments.of("elastix-Linksys_local_reference.tpl", "spa942", 2, 2));
    }

    static Profile read(Path file) throws IOException, ProfileException {
        byte[] data = Files.readAllBytes(file);
        int i = 0;
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        String name = file.getFileName().toString();
        return i < data.length && data[i] == '<' ? XmlProfileReader.read(data, name)
                : TextProfileReader.read(new String(data, StandardCharsets.UTF_8), name);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("files")
    void countsFindings(String file, String model, int errors, int warnings) throws IOException {
        Path f = corpus().resolve(file);
        Profile p;
        try {
            p = read(f);
        } catch (ProfileException e) {
            assertThat(errors).as(file + " should be readable: " + e.getMessage()).isEqualTo(-1);
            assertThat(e.getMessage()).startsWith(file + ":");
            return;
        }
        List<Finding> findings = new Validator(Catalogs.get(model)).validate(p, false);
        long e = findings.stream().filter(Finding::isError).count();
        long w = findings.size() - e;
        assertThat(findings).allSatisfy(x -> assertThat(x.toString()).startsWith(file + ":"));
        assertThat(new long[] {e, w}).as(file).containsExactly(errors, warnings);
    }

    @Test
    void misspeltNamesGetSuggestions() throws IOException, ProfileException {
        Profile p = read(corpus().resolve("sipxecs-spa2102.cfg"));
        List<String> messages = new Validator(Catalogs.get("spa2102")).validate(p, false).stream()
                .map(Finding::message).toList();
        assertThat(messages).contains(
                "unknown parameter SIP_TOS_DiffServ_Value_1_ for SPA2102; did you mean SIP_ToS_DiffServ_Value_1_?",
                "unknown parameter Set_Local_Date_mm_dd_ for SPA2102; did you mean Set_Local_Date__mm_dd_?");
        assertThat(messages).anyMatch(m -> m.startsWith("duplicate Connection_Type"));
        assertThat(messages).noneMatch(m -> m.contains("1234"));
    }

    @Test
    void everyCorpusFileIsCovered() throws IOException {
        Path c = corpus();
        List<String> listed = files().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> s = Files.list(c)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }
}
