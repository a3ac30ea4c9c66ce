package org.spaprov.profile.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.Access;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;

class TextProfileReaderTest {
    @Test
    void marksValuesCommentsAndNames() throws Exception {
        Profile p = TextProfileReader.read("""
                # *** Configuration Profile
                Provision_Enable "Yes" ;
                Default_Ring[1] ! "1" ; # options: 1/2/3/4/5/6/7/8
                Set_Local_Date_(mm/dd) ? "01/02";
                SIP_ToS/DiffServ_Value[1]   ! ;
                GPP_A "" ;
                """, "a.txt");
        assertThat(p.get("Provision_Enable").orElseThrow().access()).isEqualTo(Access.NA);
        assertThat(p.value("Default_Ring_1_")).isEqualTo("1");
        assertThat(p.get("Default_Ring_1_").orElseThrow().access()).isEqualTo(Access.RW);
        assertThat(p.value("Set_Local_Date__mm_dd_")).isEqualTo("01/02");
        assertThat(p.get("Set_Local_Date__mm_dd_").orElseThrow().access()).isEqualTo(Access.RO);
        assertThat(p.get("SIP_ToS_DiffServ_Value_1_").orElseThrow().value()).isNull();
        assertThat(p.value("GPP_A")).isEmpty();
        assertThat(p.get("Default_Ring_1_").orElseThrow().position()).isEqualTo(new Position("a.txt", 3, 20));
    }

    @Test
    void importsNestRelativeAndLaterWins() throws Exception {
        Map<String, String> files = Map.of(
                "dir/base.txt", "import common.txt\nParam1 \"base\" ;\nParam2 \"two\" ;\n",
                "dir/common.txt", "Param3 \"three\" ;\n");
        ImportResolver r = (from, name, at) -> {
            String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
            String text = files.get(dir + name);
            if (text == null) {
                throw new ProfileException(at, "cannot read import " + name);
            }
            return new ImportResolver.Source(dir + name, text);
        };
        Profile p = TextProfileReader.read("import base.txt\nParam1 \"new value overrides base\" ;\n", "dir/spa1234.txt", r);
        assertThat(p.value("Param1")).isEqualTo("new value overrides base");
        assertThat(p.value("Param2")).isEqualTo("two");
        assertThat(p.value("Param3")).isEqualTo("three");
        assertThatThrownBy(() -> TextProfileReader.read("\nimport missing.txt\n", "dir/x.txt", r))
                .hasMessage("dir/x.txt:2:1: error: cannot read import missing.txt");
    }

    @Test
    void importCyclesAreErrors() {
        ImportResolver r = (from, name, at) -> new ImportResolver.Source(name, "import " + (name.equals("a") ? "b" : "a") + "\n");
        assertThatThrownBy(() -> TextProfileReader.read("import a\n", "a", r))
                .isInstanceOf(ProfileException.class).hasMessageContaining("import cycle");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> TextProfileReader.read("A \"1\" ;\nB \"2\"\nC \"3\" ;", "e.txt"))
                .hasMessage("e.txt:3:1: error: expected ';' after B, found 'C'");
        assertThatThrownBy(() -> TextProfileReader.read("A ! \"open ;\n", "e.txt"))
                .hasMessageStartingWith("e.txt:1:5: error: unterminated string for A");
        assertThatThrownBy(() -> TextProfileReader.read("A ;\n  ; ", "e.txt"))
                .hasMessageStartingWith("e.txt:2:3: error: expected a parameter name");
        assertThatThrownBy(() -> TextProfileReader.read("import x\n", "e.txt"))
                .hasMessage("e.txt:1:1: error: import is not allowed here: x");
    }
}
