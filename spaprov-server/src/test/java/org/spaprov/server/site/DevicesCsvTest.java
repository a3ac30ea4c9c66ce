package org.spaprov.server.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spaprov.server.device.DeviceRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevicesCsvTest {
    private static List<DeviceRecord> parse(String csv) throws SiteException {
        return DevicesCsv.parse(csv.getBytes(StandardCharsets.UTF_8), Set.of("office", "sales")::contains);
    }

    @Test
    void readsColumnsGroupsKeysAndVars() throws Exception {
        List<DeviceRecord> d = parse("# inventory\n"
                + "mac,model,serial,groups,key,var.sip_password,var.note\n"
                + "00:0E:08:AA:BB:CC,SPA-2102,SN1,office;sales,k1,\"p,w\",\n"
                + "000e08aabbcd,pap2t,,,,,\"say \"\"hi\"\"\"\n");
        assertThat(d).hasSize(2);
        assertThat(d.get(0).mac()).isEqualTo("000e08aabbcc");
        assertThat(d.get(0).model()).isEqualTo("spa2102");
        assertThat(d.get(0).groups()).containsExactly("office", "sales");
        assertThat(d.get(0).key()).contains("k1");
        assertThat(d.get(0).vars()).containsExactly(java.util.Map.entry("sip_password", "p,w"));
        assertThat(d.get(1).serial()).isEmpty();
        assertThat(d.get(1).key()).isEmpty();
        assertThat(d.get(1).vars()).containsEntry("note", "say \"hi\"");
    }

    @Test
    void trailingEmptyColumnIsAllowed() throws Exception {
        assertThat(parse("mac,model,serial,groups,key,\n000e08aabbcc,spa2102,,,,\n")).hasSize(1);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> parse("mac,model\n000e08aabbcc,spa2102\nnot-a-mac,spa2102\n"))
                .hasMessage("devices.csv:3: error: 'not-a-mac' is not a MAC address (12 hex digits)");
        assertThatThrownBy(() -> parse("mac,model\n000e08aabbcc,spa9999\n"))
                .hasMessageStartingWith("devices.csv:2: error: device 000e08aabbcc: unknown model");
        assertThatThrownBy(() -> parse("mac,model,groups\n000e08aabbcc,spa2102,nosuch\n"))
                .hasMessage("devices.csv:2: error: device 000e08aabbcc: group 'nosuch' has no layers/group/nosuch.xml");
        assertThatThrownBy(() -> parse("mac,model\n000e08aabbcc,spa2102\n000E08AABBCC,spa2102\n"))
                .hasMessage("devices.csv:3: error: device 000e08aabbcc is listed twice");
        assertThatThrownBy(() -> parse("mac,modle\n")).hasMessageStartingWith("devices.csv:1: error: unknown column 'modle'");
        assertThatThrownBy(() -> parse("mac,model,key\n000e08aabbcc,spa2102,\"secret\n"))
                .hasMessage("devices.csv:2: error: unterminated quoted field");
    }

    @Test
    void keyErrorsDoNotQuoteTheKey() {
        assertThatThrownBy(() -> parse("mac,model,key\n000e08aabbcc,spa2102,top secret\n"))
                .hasMessageContaining("devices.csv:2").hasMessageNotContaining("top secret");
    }
}
