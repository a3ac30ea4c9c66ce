package org.spaprov.cli.profile;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.validate.Validator;

/** Validation as the CLI commands share it: the model's catalog plus the rule-language checks. */
public final class Validation {
    private Validation() {
    }

    /** Reader notes plus catalog findings for {@code model} (a usage error for an unknown model). */
    public static List<Finding> validate(Profile p, String model, boolean strict) {
        return new Validator(ProfileValidateCommand.catalog(model), Checks.extra()).validate(p, strict);
    }

    public static void print(List<Finding> findings, PrintWriter err) {
        findings.forEach(err::println);
        err.flush();
    }

    /** XML → plain-text names for {@code model}. */
    public static Function<String, String> textNames(String model) {
        Catalog c = ProfileValidateCommand.catalog(model);
        return c::textName;
    }
}
