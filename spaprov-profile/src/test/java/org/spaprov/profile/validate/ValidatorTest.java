package org.spaprov.profile.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.Setting;
import org.spaprov.profile.catalog.Catalogs;

class ValidatorTest {
    private final Validator validator = new Validator(Catalogs.get("spa2102"));

    private static Setting at(String name, String value, int line, int col) {
        return new Setting(name, value, null, new Position("a.xml", line, col));
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).toList();
    }

    @Test
    void cleanProfileHasNoFindings() {
        assertThat(validator.validate(Catalogs.get("spa2102").defaults(), true)).isEmpty();
    }

    @Test
    void layersBuiltInCodeAreNotDuplicates() {
        Profile layered = Catalogs.get("spa2102").defaults()
                .overlay(Profile.builder().set("Profile_Rule", "http://ps.example.com/$MA.cfg").build());
        assertThat(validator.validate(layered, true)).isEmpty();
    }

    @Test
    void reportsTypeErrorsAtTheValue() {
        Profile p = Profile.of(List.of(
                at("Resync_Random_Delay", "70000", 3, 22),
                at("Provision_Enable", "perhaps", 4, 19),
                at("Connection_Type", "Dialup", 5, 18),
                at("Admin_Passwd", "x".repeat(200), 6, 15)));
        assertThat(lines(validator.validate(p, false))).containsExactly(
                "a.xml:3:22: error: Resync_Random_Delay: 70000 is out of range 0..65535 (Uns16)",
                "a.xml:4:19: error: Provision_Enable: expected Yes or No (or Enable/Disable, 1/0) (Bool)",
                "a.xml:5:18: error: Connection_Type: not one of: DHCP, Static IP, PPPOE, PPPOE,DHCP, DHCP,PPPOE (choice)",
                "a.xml:6:15: error: Admin_Passwd: too long: 200 characters, at most 127 (Str127)");
    }

    @Test
    void unknownNamesAreWarningsWithASuggestionAndErrorsWhenStrict() {
        Profile p = Profile.of(List.of(at("Resync_Periodc", "3600", 7, 2)));
        assertThat(lines(validator.validate(p, false))).containsExactly(
                "a.xml:7:2: warning: unknown parameter Resync_Periodc for SPA2102; did you mean Resync_Periodic?");
        assertThat(lines(validator.validate(p, true))).containsExactly(
                "a.xml:7:2: error: unknown parameter Resync_Periodc for SPA2102; did you mean Resync_Periodic?");
    }

    @Test
    void duplicatesInOneFileAreWarningsButLayersAreNot() {
        Profile p = Profile.of(List.of(
                at("Connection_Type", "DHCP", 2, 18),
                new Setting("Connection_Type", "Static IP", null, new Position("b.xml", 1, 1)),
                at("Connection_Type", "PPPOE", 9, 18)));
        List<Finding> f = validator.validate(p, false);
        assertThat(lines(f)).containsExactly(
                "a.xml:9:18: warning: duplicate Connection_Type (also at line 2); the last occurrence wins");
        assertThat(f.get(0).isError()).isFalse();
    }

    @Test
    void aRepeatAfterAnotherFileIsComparedWithThePreviousOccurrence() {
        Profile p = Profile.of(List.of(
                new Setting("GPP_A", "1", null, new Position("base.txt", 1, 1)),
                new Setting("GPP_A", "2", null, new Position("dev.txt", 3, 1)),
                new Setting("GPP_A", "3", null, new Position("dev.txt", 8, 1)),
                new Setting("GPP_Q", "3", null, new Position("dev.txt", 9, 1)),
                new Setting("GPP_Q", "3", null, new Position("dev.txt", 10, 1))));
        assertThat(lines(validator.validate(p, false))).containsExactly(
                "dev.txt:8:1: warning: duplicate GPP_A (also at line 3); the last occurrence wins",
                "dev.txt:9:1: warning: unknown parameter GPP_Q for SPA2102; did you mean GPP_A?",
                "dev.txt:10:1: warning: duplicate GPP_Q (also at line 9); the last occurrence wins");
    }

    @Test
    void extraChecksRunByKindAtValuePlusColumn() {
        SyntaxCheck noPipe = v -> v.indexOf('|') >= 0
                ? Optional.of(new SyntaxError(v.indexOf('|'), "unexpected '|'")) : Optional.empty();
        Validator v = new Validator(Catalogs.get("spa2102"), Map.of("rule", noPipe, "condition", noPipe));
        Profile p = Profile.of(List.of(
                at("Profile_Rule", "/a.cfg | /b.cfg", 3, 15),
                at("Resync_Trigger_1", "$A|", 4, 19),
                at("GPP_A", "x|y", 5, 8)));
        assertThat(lines(v.validate(p, false))).containsExactly(
                "a.xml:3:22: error: Profile_Rule: unexpected '|'",
                "a.xml:4:21: error: Resync_Trigger_1: unexpected '|'");
    }

    @Test
    void secretValuesNeverAppearInFindings() {
        SyntaxCheck quoting = v -> Optional.of(new SyntaxError(0, "bad value " + v));
        Validator v = new Validator(Catalogs.get("spa2102"), Map.of("str", quoting));
        Profile p = Profile.of(List.of(at("GPP_SA", "topsecretkey", 1, 1), at("Password_1_", "hunter2", 2, 1)));
        List<String> out = lines(v.validate(p, false));
        assertThat(out).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("topsecret").doesNotContain("hunter2")
                .contains("secret value not shown"));
    }

    @Test
    void accessOnlyStatementsAreNotValueChecked() {
        Profile p = Profile.of(List.of(new Setting("Provision_Enable", null, org.spaprov.profile.Access.RO,
                new Position("a.xml", 1, 1))));
        assertThat(validator.validate(p, true)).isEmpty();
    }

    @Test
    void readerNotesComeFirstAndBecomeErrorsWhenStrict() {
        Profile p = Profile.builder().add(at("Provision_Enable", "nah", 5, 1))
                .note(Finding.warning(new Position("a.xml", 2, 1), "unknown ua value ignored")).build();
        assertThat(lines(validator.validate(p, false))).containsExactly(
                "a.xml:2:1: warning: unknown ua value ignored",
                "a.xml:5:1: error: Provision_Enable: expected Yes or No (or Enable/Disable, 1/0) (Bool)");
        assertThat(validator.validate(p, true)).allMatch(Finding::isError);
    }
}
