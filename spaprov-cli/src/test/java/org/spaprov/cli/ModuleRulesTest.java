package org.spaprov.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md, and the server's package layering, as tests: a forbidden import in
 * main code fails {@code ./test}. Here because the CLI's tests see every module.
 *
 * <p>Modules: {@code profile} depends on nothing of ours, {@code rules} only on {@code profile},
 * {@code tftp} on nothing of ours, {@code device} and {@code server} never on each other (only tests and
 * the CLI join them), nothing on the CLI. Server packages: transports and the lifecycle owner on top,
 * then the request chain, then firmware rollout, the site, the store, and the leaves (configuration,
 * device domain, PKI); data flows one way and {@code provision} knows nothing of HTTP.
 *
 * <p>Plain JUnit tests over ArchUnit's rules: surefire did not run ArchUnit's own engine's fields here.
 */
class ModuleRulesTest {
    /** Our main classes (every module's, from the class path; test classes left out). */
    private static JavaClasses ours;

    @BeforeAll
    static void importOurClasses() {
        ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.spaprov");
    }

    private static final String[] OURS = {"org.spaprov.profile..", "org.spaprov.rules..", "org.spaprov.tftp..",
        "org.spaprov.sip..", "org.spaprov.device..", "org.spaprov.server..", "org.spaprov.cli..", "org.spaprov.testkit.."};

    @Test
    void profileDependsOnNothingOfOurs() {
        ArchRule rule = noClasses().that().resideInAPackage("org.spaprov.profile..")
                .should().dependOnClassesThat().resideInAnyPackage(except("org.spaprov.profile.."));
        rule.check(ours);
    }

    @Test
    void rulesDependOnlyOnProfile() {
        ArchRule rule = noClasses().that().resideInAPackage("org.spaprov.rules..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(except("org.spaprov.rules..", "org.spaprov.profile.."));
        rule.check(ours);
    }

    @Test
    void tftpDependsOnNothingOfOurs() {
        ArchRule rule = noClasses().that().resideInAPackage("org.spaprov.tftp..")
                .should().dependOnClassesThat().resideInAnyPackage(except("org.spaprov.tftp.."));
        rule.check(ours);
    }

    @Test
    void sipDependsOnNothingOfOurs() {
        ArchRule rule = noClasses().that().resideInAPackage("org.spaprov.sip..")
                .should().dependOnClassesThat().resideInAnyPackage(except("org.spaprov.sip.."));
        rule.check(ours);
    }

    @Test
    void theDeviceNeverDependsOnTheServer() {
        ArchRule rule = noClasses().that().resideInAPackage("org.spaprov.device..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spaprov.server..", "org.spaprov.cli..",
                        "org.spaprov.testkit..");
        rule.check(ours);
    }

    @Test
    void theServerNeverDependsOnTheDevice() {
        ArchRule rule = noClasses().that().resideInAPackage("org.spaprov.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spaprov.device..", "org.spaprov.cli..",
                        "org.spaprov.testkit..");
        rule.check(ours);
    }

    @Test
    void nothingDependsOnTheCli() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.spaprov.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.spaprov.cli..");
        rule.check(ours);
    }

    @Test
    void serverPackagesAreLayered() {
        ArchRule rule = layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("org.spaprov.server..")
                .layer("lifecycle").definedBy("org.spaprov.server")
                .layer("admin").definedBy("org.spaprov.server.admin..")
                .layer("feedback").definedBy("org.spaprov.server.feedback..")
                .layer("net").definedBy("org.spaprov.server.net..")
                .layer("http").definedBy("org.spaprov.server.http..")
                .layer("provision").definedBy("org.spaprov.server.provision..")
                .layer("firmware").definedBy("org.spaprov.server.firmware..")
                .layer("site").definedBy("org.spaprov.server.site..")
                .layer("store").definedBy("org.spaprov.server.store..")
                .layer("config").definedBy("org.spaprov.server.config..")
                .layer("device").definedBy("org.spaprov.server.device..")
                .layer("pki").definedBy("org.spaprov.server.pki..")
                .layer("secrets").definedBy("org.spaprov.server.secrets..")
                .layer("runtime").definedBy("org.spaprov.server.runtime..")
                .layer("feedback").definedBy("org.spaprov.server.feedback..")
                .layer("push").definedBy("org.spaprov.server.push..")
                .whereLayer("lifecycle").mayNotBeAccessedByAnyLayer()
                .whereLayer("lifecycle").mayOnlyAccessLayers("admin", "net", "feedback", "push", "provision", "site", "config",
                        "runtime")
                .whereLayer("admin").mayOnlyAccessLayers("feedback", "push", "provision", "store", "site", "device", "config")
                .whereLayer("feedback").mayOnlyAccessLayers("provision", "store", "site", "config", "device")
                .whereLayer("push").mayOnlyAccessLayers("provision", "store", "site", "config", "device")
                .whereLayer("net").mayOnlyAccessLayers("http", "provision", "store", "config")
                .whereLayer("http").mayOnlyAccessLayers("provision", "config", "runtime")
                .whereLayer("provision").mayOnlyAccessLayers("firmware", "site", "store", "config", "device", "secrets")
                .whereLayer("firmware").mayOnlyAccessLayers("site", "config")
                .whereLayer("site").mayOnlyAccessLayers("config", "device", "pki")
                .whereLayer("store").mayOnlyAccessLayers("device", "secrets")
                .whereLayer("config").mayNotAccessAnyLayer()
                .whereLayer("device").mayNotAccessAnyLayer()
                .whereLayer("pki").mayNotAccessAnyLayer()
                .whereLayer("secrets").mayNotAccessAnyLayer()
                .whereLayer("runtime").mayNotAccessAnyLayer()
                .whereLayer("feedback").mayOnlyAccessLayers("provision", "store", "site", "config", "device");
        rule.check(ours);
    }

    @Test
    void serverPackagesHaveNoCycles() {
        ArchRule rule = slices().matching("org.spaprov.server.(*)..").should().beFreeOfCycles();
        rule.check(ours);
    }

    /** Our packages but {@code allowed}. */
    private static String[] except(String... allowed) {
        return java.util.Arrays.stream(OURS).filter(p -> !java.util.List.of(allowed).contains(p)).toArray(String[]::new);
    }
}
