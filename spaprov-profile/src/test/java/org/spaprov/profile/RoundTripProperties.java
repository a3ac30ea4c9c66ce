package org.spaprov.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.spaprov.profile.text.TextProfileReader;
import org.spaprov.profile.text.TextProfileWriter;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.profile.xml.XmlProfileWriter;

/**
 * text → XML → text and XML → text → XML keep every value and access. The plain-text format
 * always states an access (no mark = no access), so the generated statements carry one.
 */
class RoundTripProperties {
    @Property(tries = 300)
    void xmlToTextToXml(@ForAll("profiles") Profile p) throws Exception {
        Profile viaText = TextProfileReader.read(TextProfileWriter.write(p), "t.txt");
        Profile back = XmlProfileReader.read(XmlProfileWriter.write(viaText), "x.xml");
        assertThat(view(back)).isEqualTo(view(p));
    }

    @Property(tries = 300)
    void textToXmlToText(@ForAll("profiles") Profile p) throws Exception {
        Profile text = TextProfileReader.read(TextProfileWriter.write(p), "t.txt");
        Profile viaXml = XmlProfileReader.read(XmlProfileWriter.write(text), "x.xml");
        String again = TextProfileWriter.write(viaXml);
        assertThat(again).isEqualTo(TextProfileWriter.write(text));
        assertThat(view(TextProfileReader.read(again, "t2.txt"))).isEqualTo(view(p));
    }

    private static List<String> view(Profile p) {
        List<String> out = new ArrayList<>();
        p.effective().values().forEach(s -> out.add(s.name() + "=" + s.value() + "/" + s.access()));
        return out;
    }

    @Provide
    Arbitrary<Profile> profiles() {
        Arbitrary<String> base = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(12)
                .flatMap(s -> Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-', '.').ofMaxLength(8)
                        .map(t -> s + t));
        Arbitrary<String> names = Combinators.combine(base, Arbitraries.integers().between(0, 4))
                .as((n, idx) -> idx == 0 ? n : n + "_" + idx + "_");
        // Values as the reader yields them: trimmed, no new lines, no '"' (the text format has no escapes).
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange(' ', '~').excludeChars('"').withChars('é', '\t')
                .ofMaxLength(40)
                .map(v -> v.strip());
        Arbitrary<Setting> settings = Combinators.combine(names, values.injectNull(0.1),
                        Arbitraries.of(Access.class))
                .as((n, v, a) -> new Setting(n, v, a, Position.NONE));
        return settings.list().ofMaxSize(25).map(list -> Profile.of(list).flatten());
    }
}
