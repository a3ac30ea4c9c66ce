package org.spaprov.cli.profile;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.spaprov.profile.Finding;
import org.spaprov.profile.ParamNames;
import org.spaprov.profile.Profile;

/** Validation as the CLI commands share it. */
public final class Validation {
    private Validation() {
    }

    /** Reader notes plus catalog findings for {@code model}. */
    public static List<Finding> validate(Profile p, String model, boolean strict) {
        return new ArrayList<>(p.notes());
    }

    public static void print(List<Finding> findings, PrintWriter err) {
        findings.forEach(err::println);
        err.flush();
    }

    /** XML → plain-text names for {@code model}. */
    public static Function<String, String> textNames(String model) {
        return ParamNames::toText;
    }
}
