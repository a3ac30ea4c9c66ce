package org.spaprov.profile;

/** How bad a {@link Finding} is. Errors stop a profile from being served or compiled. */
public enum Severity {
    WARNING("warning"),
    ERROR("error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
