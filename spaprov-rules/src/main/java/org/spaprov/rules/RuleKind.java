package org.spaprov.rules;

/**
 * Which parameter a rule comes from; they share one syntax (SPEC §6) but differ in the options
 * they accept: {@code Profile_Rule*} all of {@code --key/--post/--alias}, {@code Upgrade_Rule}
 * none (SPEC §6.6), {@code Report_Rule} only {@code --key} (SPEC §8).
 */
public enum RuleKind {
    PROFILE, UPGRADE, REPORT
}
