package org.spaprov.profile;

/**
 * The two spellings of a parameter name (SPEC §1.4, §2.2): the plain-text name keeps
 * {@code [ ] ( ) /} ({@code Set_Local_Date_(mm/dd)}, {@code Line_Enable[1]}); the XML element name
 * replaces each of them, and each space, with {@code _} ({@code Set_Local_Date__mm_dd_},
 * {@code Line_Enable_1_}). Text → XML is a function; XML → text needs the catalog
 * ({@link #toText(String)} only recovers a trailing index).
 */
public final class ParamNames {
    private ParamNames() {
    }

    /** The XML element name of a plain-text (or web-label) name. */
    public static String toXml(String textName) {
        StringBuilder b = null;
        for (int i = 0; i < textName.length(); i++) {
            char c = textName.charAt(i);
            boolean special = c == ' ' || c == '[' || c == ']' || c == '(' || c == ')' || c == '/';
            if (special && b == null) {
                b = new StringBuilder(textName.length());
                b.append(textName, 0, i);
            }
            if (b != null) {
                b.append(special ? '_' : c);
            }
        }
        return b == null ? textName : b.toString();
    }

    /**
     * A best-effort plain-text name for an XML name with no catalog entry: a trailing
     * {@code _n_} becomes {@code [n]} ({@code Line_Enable_1_} → {@code Line_Enable[1]}).
     */
    public static String toText(String xmlName) {
        int n = xmlName.length();
        if (n >= 3 && xmlName.charAt(n - 1) == '_') {
            int i = n - 2;
            while (i >= 0 && Character.isDigit(xmlName.charAt(i))) {
                i--;
            }
            if (i < n - 2 && i >= 1 && xmlName.charAt(i) == '_') {
                return xmlName.substring(0, i) + "[" + xmlName.substring(i + 1, n - 1) + "]";
            }
        }
        return xmlName;
    }

    /** True when {@code name} is a legal XML element name as the device uses them. */
    public static boolean isXmlName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char c0 = name.charAt(0);
        if (!(Character.isLetter(c0) || c0 == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
