package org.spaprov.profile.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.Access;
import org.spaprov.profile.ParamNames;
import org.spaprov.profile.Profile;

class TextProfileWriterTest {
    private static final Profile P = Profile.builder()
            .set("Default_Ring_1_", "1", Access.RW)
            .set("Provision_Enable", "Yes", Access.NA)
            .set("Station_Name", "desk", Access.RO)
            .build();

    private static final Function<String, String> RING_OPTIONS =
            name -> name.startsWith("Default_Ring") ? "options: 1/2/3/4/5/6/7/8" : null;

    @Test
    void withoutCommentsTheOutputIsUnchanged() {
        String plain = TextProfileWriter.write(P, ParamNames::toText);
        assertThat(TextProfileWriter.write(P, ParamNames::toText, null)).isEqualTo(plain);
        assertThat(TextProfileWriter.write(P, ParamNames::toText, name -> null)).isEqualTo(plain);
        assertThat(plain).isEqualTo("""
                Default_Ring[1] ! "1" ;
                Provision_Enable "Yes" ;
                Station_Name ? "desk" ;
                """);
    }

    @Test
    void commentsFollowTheirStatementAndReadBack() throws Exception {
        String text = TextProfileWriter.write(P, ParamNames::toText, RING_OPTIONS);
        assertThat(text).isEqualTo("""
                Default_Ring[1] ! "1" ; # options: 1/2/3/4/5/6/7/8
                Provision_Enable "Yes" ;
                Station_Name ? "desk" ;
                """);
        Profile back = TextProfileReader.read(text, "c.txt");
        assertThat(back.effective().keySet()).containsExactlyElementsOf(P.effective().keySet());
        P.effective().forEach((name, s) -> {
            assertThat(back.value(name)).as(name).isEqualTo(s.value());
            assertThat(back.get(name).orElseThrow().access()).as(name).isEqualTo(s.access());
        });
    }

    @Test
    void aCommentWithALineBreakIsRefused() {
        assertThatThrownBy(() -> TextProfileWriter.write(P, ParamNames::toText, name -> "a\nStation_Name \"x\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }
}
