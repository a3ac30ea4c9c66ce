package org.spaprov.profile.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.Finding;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.text.TextProfileReader;
import org.spaprov.profile.xml.XmlProfileReader;

/** The validator on profiles read by the real XML and plain-text readers: findings carry line:col. */
class ValidatorWithReadersTest {
    private final Validator validator = new Validator(Catalogs.get("spa2102"));

    private static List<String> lines(List<Finding> f) {
        return f.stream().map(Finding::toString).toList();
    }

    @Test
    void xmlFindingsPointAtTheValue() throws ProfileException {
        String xml = """
                <flat-profile>
                  <Resync_Random_Delay>70000</Resync_Random_Delay>
                  <Resync_Periodc>3600</Resync_Periodc>
                  <Provision_Enable ua="ro"/>
                  <Connection_Type>DHCP</Connection_Type>
                  <Connection_Type>Dialup</Connection_Type>
                </flat-profile>
                """;
        List<Finding> f = validator.validate(
                XmlProfileReader.read(xml.getBytes(StandardCharsets.UTF_8), "spa.xml"), false);
        assertThat(lines(f)).containsExactly(
                "spa.xml:2:24: error: Resync_Random_Delay: 70000 is out of range 0..65535 (Uns16)",
                "spa.xml:3:19: warning: unknown parameter Resync_Periodc for SPA2102; did you mean Resync_Periodic?",
                "spa.xml:6:20: warning: duplicate Connection_Type (also at line 5); the last occurrence wins",
                "spa.xml:6:20: error: Connection_Type: not one of: DHCP, Static IP, PPPOE, PPPOE,DHCP, DHCP,PPPOE (choice)");
    }

    @Test
    void textFindingsUseXmlNamesAndPointAtTheValue() throws ProfileException {
        String text = """
                # test
                Set_Local_Date_(mm/dd) "12/24" ;
                Line_Enable[1] ! "maybe" ;
                Resync_Periodic "1800,oops" ;
                """;
        List<Finding> f = validator.validate(TextProfileReader.read(text, "spa.txt"), false);
        assertThat(lines(f)).containsExactly(
                "spa.txt:3:19: error: Line_Enable_1_: expected Yes or No (or Enable/Disable, 1/0) (Bool)",
                "spa.txt:4:18: error: Resync_Periodic: schedule element 2: expected a number of seconds at character 6 (Schedule)");
    }

    @Test
    void extraRuleChecksAddTheirColumn() throws ProfileException {
        SyntaxCheck rule = v -> v.startsWith("(") && !v.contains(")")
                ? Optional.of(new SyntaxError(v.length(), "missing ')'")) : Optional.empty();
        Validator v = new Validator(Catalogs.get("spa2102"), Map.of("rule", rule));
        String xml = "<flat-profile>\n<Profile_Rule>( $A == 1 /x.cfg</Profile_Rule>\n</flat-profile>\n";
        assertThat(lines(v.validate(XmlProfileReader.read(xml.getBytes(StandardCharsets.UTF_8), "r.xml"), true)))
                .containsExactly("r.xml:2:31: error: Profile_Rule: missing ')'");
    }
}
