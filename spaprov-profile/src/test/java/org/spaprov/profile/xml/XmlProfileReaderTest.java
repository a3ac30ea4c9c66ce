package org.spaprov.profile.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spaprov.profile.Access;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.Setting;
import org.spaprov.profile.alias.AliasMap;

class XmlProfileReaderTest {
    private static Profile read(String xml) throws ProfileException {
        return XmlProfileReader.read(xml, "p.xml");
    }

    @Test
    void flatProfileNestedAndNamespacedWithIgnoredAttributes() throws Exception {
        Profile p = read("""
                <?xml version='1.0'?>
                <top-level><!-- c -->
                  <flat-profile xmlns="http://www.sipura.net/xsd/SPA2102"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x y" device="Linksys">
                    <MAC_Address group="Info/Product_Information">x</MAC_Address>
                    <Proxy_1_>sip.example.com</Proxy_1_>
                  </flat-profile>
                </top-level>
                """);
        assertThat(p.value("Proxy_1_")).isEqualTo("sip.example.com");
        assertThat(p.value("MAC_Address")).isEqualTo("x");
        assertThat(p.effective()).containsOnlyKeys("MAC_Address", "Proxy_1_");
    }

    @Test
    void emptyElementKeepsValueButOpenCloseSetsEmptyString() throws Exception {
        Profile p = read("""
                <flat-profile>
                  <SIP_ToS_DiffServ_Value_1_ ua="na"/>
                  <Dial_Plan_1_ ua="ro"></Dial_Plan_1_>
                  <GPP_A>   </GPP_A>
                </flat-profile>""");
        Setting tos = p.get("SIP_ToS_DiffServ_Value_1_").orElseThrow();
        assertThat(tos.value()).isNull();
        assertThat(tos.access()).isEqualTo(Access.NA);
        assertThat(p.value("Dial_Plan_1_")).isEmpty();
        assertThat(p.get("Dial_Plan_1_").orElseThrow().access()).isEqualTo(Access.RO);
        assertThat(p.value("GPP_A")).isEmpty();
    }

    @Test
    void lastOccurrenceWinsAndAccessMergesSeparately() throws Exception {
        Profile p = read("<flat-profile><A ua='rw'>1</A><A>2</A><A ua='ro'/></flat-profile>");
        Setting a = p.get("A").orElseThrow();
        assertThat(a.value()).isEqualTo("2");
        assertThat(a.access()).isEqualTo(Access.RO);
        assertThat(p.statements()).hasSize(3);
    }

    @Test
    void trimsAndFoldsNewLines() throws Exception {
        Profile p = read("<flat-profile><Dial_Plan_1_>\n  (xx.|\r\n  *xx)  \n</Dial_Plan_1_></flat-profile>");
        assertThat(p.value("Dial_Plan_1_")).isEqualTo("(xx.|   *xx)");
    }

    @Test
    void characterEscapesIncludingNumeric() throws Exception {
        Profile p = read("<flat-profile><Dial_Plan_1_>( S0 &lt;:18005551212&gt; )</Dial_Plan_1_>"
                + "<GPP_A>&amp;&apos;&quot;&#40;&#x2e;</GPP_A></flat-profile>");
        assertThat(p.value("Dial_Plan_1_")).isEqualTo("( S0 <:18005551212> )");
        assertThat(p.value("GPP_A")).isEqualTo("&'\"(.");
    }

    @Test
    void unknownUaIsIgnoredWithANote() throws Exception {
        Profile p = read("<flat-profile>\n<A ua=\"xx\">1</A></flat-profile>");
        assertThat(p.get("A").orElseThrow().access()).isNull();
        assertThat(p.notes()).singleElement().satisfies(f -> {
            assertThat(f.toString()).startsWith("p.xml:2:1: warning: unknown ua=\"xx\"");
        });
    }

    @Test
    void elementsOutsideFlatProfileAndNestedOnesAreIgnored() throws Exception {
        Profile p = read("<root><Proxy_1_>no</Proxy_1_><flat-profile><x><Proxy_1_>deep</Proxy_1_></x>"
                + "<Unknown_Name>kept</Unknown_Name></flat-profile></root>");
        assertThat(p.effective()).containsOnlyKeys("x", "Unknown_Name");
        assertThat(p.value("x")).isEmpty();
        assertThat(p.notes()).anySatisfy(f -> assertThat(f.message()).contains("<Proxy_1_> nested inside <x>"));
    }

    @Test
    void positionsPointAtTheValue() throws Exception {
        Profile p = read("<flat-profile>\n  <A>\n    v</A>\n  <B/>\n</flat-profile>");
        assertThat(p.get("A").orElseThrow().position()).isEqualTo(new Position("p.xml", 3, 5));
        assertThat(p.get("B").orElseThrow().position()).isEqualTo(new Position("p.xml", 4, 3));
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        assertThatThrownBy(() -> read("<flat-profile>\n<A>1</B>\n</flat-profile>"))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("p.xml:2:")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void dtdsAndExternalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE flat-profile [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <flat-profile><A>&x;</A></flat-profile>""";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("DTD");
        String bomb = """
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <flat-profile><A>&lol2;</A></flat-profile>""";
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(ProfileException.class);
    }

    @Test
    void depthIsBounded() {
        String deep = "<a>".repeat(XmlProfileReader.MAX_DEPTH + 5) + "</a>".repeat(XmlProfileReader.MAX_DEPTH + 5);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(ProfileException.class);
    }

    @Test
    void aliasesMapForeignTrees() throws Exception {
        AliasMap map = AliasMap.parse("/customer-account/SIP-number = /flat-profile/User_ID_1_ ;"
                + " /auth-secret = /flat-profile/Password_1_ ;");
        byte[] xml = """
                <customer-account><SIP-number> 17775551234</SIP-number>
                <CPE><SIP-Credentials><auth-secret>732091751563sfd</auth-secret></SIP-Credentials></CPE>
                </customer-account>""".getBytes();
        Profile p = XmlProfileReader.read(xml, "c.xml", map);
        assertThat(p.value("User_ID_1_")).isEqualTo("17775551234");
        assertThat(p.value("Password_1_")).isEqualTo("732091751563sfd");
    }
}
