package org.spaprov.device.sip;

import java.util.Map;
import org.spaprov.rules.Variables;

/** Builds {@link Variables} from a map in tests (one place to adapt to the rules module's builder). */
public final class TestVariables {
    private TestVariables() {
    }

    public static Variables of(Map<String, String> values) {
        return Variables.of(values);
    }
}
