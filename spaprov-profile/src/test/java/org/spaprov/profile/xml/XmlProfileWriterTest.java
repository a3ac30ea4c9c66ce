package org.spaprov.profile.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spaprov.profile.Access;
import org.spaprov.profile.Profile;

class XmlProfileWriterTest {
    @Test
    void writesValuesAccessEmptyAndUnchanged() throws Exception {
        Profile p = Profile.builder()
                .set("Dial_Plan_1_", "( S0 <:18005551212> ) & é", Access.RO)
                .set("GPP_A", "")
                .set("SIP_ToS_DiffServ_Value_1_", null, Access.NA)
                .build();
        String xml = XmlProfileWriter.write(p, n -> n.equals("GPP_A") ? "Provisioning/General_Purpose_Parameters" : null);
        assertThat(xml).isEqualTo("""
                <flat-profile>
                  <Dial_Plan_1_ ua="ro">( S0 &lt;:18005551212&gt; ) &amp; &#233;</Dial_Plan_1_>
                  <GPP_A group="Provisioning/General_Purpose_Parameters"></GPP_A>
                  <SIP_ToS_DiffServ_Value_1_ ua="na"/>
                </flat-profile>
                """);
        Profile back = XmlProfileReader.read(xml, "w.xml");
        assertThat(back.effective().values()).extracting(s -> s.name() + "=" + s.value() + "/" + s.access())
                .containsExactly("Dial_Plan_1_=( S0 <:18005551212> ) & é/RO", "GPP_A=/null",
                        "SIP_ToS_DiffServ_Value_1_=null/NA");
    }
}
