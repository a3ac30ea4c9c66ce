package org.spaprov.device.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.spaprov.profile.Access;

/**
 * The provisioning parameters of SPEC §7.1 (plus GPP registers, line identities and a few system
 * parameters) with their documented defaults, for when no full catalog is on the class path.
 *
 * <p>It is <em>open</em>: any well-formed XML element name is accepted as a parameter (default
 * empty), so no value a server sends is lost. {@link Models} prefers the full catalog when present.
 */
public final class BuiltinModel implements DeviceModel {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");
    private static final Map<String, BuiltinModel> KNOWN = new HashMap<>();

    private final String model;
    private final String productName;
    private final String series;
    private final Map<String, String> defaults;
    private final List<String> names;

    private BuiltinModel(String model, String productName, String series) {
        this.model = model;
        this.productName = productName;
        this.series = series;
        this.defaults = Collections.unmodifiableMap(table());
        this.names = List.copyOf(defaults.keySet());
    }

    /** The built-in model for a catalog key such as {@code spa2102}, {@code spa3102}, {@code pap2t}, {@code spa942}. */
    public static synchronized Optional<DeviceModel> find(String model) {
        String key = model.toLowerCase(Locale.ROOT).replace("-", "");
        BuiltinModel m = KNOWN.get(key);
        if (m == null && key.matches("(spa|pap)[0-9]{3,4}[a-z]?")) {
            String pn = key.toUpperCase(Locale.ROOT);
            String series = pn.replaceAll("^[A-Z]+", "").replaceAll("[A-Z]+$", "");
            m = new BuiltinModel(key, pn, series);
            KNOWN.put(key, m);
        }
        return Optional.ofNullable(m);
    }

    private static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        String[][] rows = {
            {"Provision_Enable", "Yes"}, {"Resync_On_Reset", "Yes"}, {"Resync_Random_Delay", "2"},
            {"Resync_Periodic", "3600"}, {"Resync_Error_Retry_Delay", "3600"}, {"Forced_Resync_Delay", "14400"},
            {"Resync_From_SIP", "Yes"}, {"Resync_After_Upgrade_Attempt", "Yes"}, {"Resync_Trigger_1", ""},
            {"Resync_Trigger_2", ""}, {"Resync_Fails_On_FNF", "Yes"}, {"Profile_Rule", "/spa$PSN.cfg"},
            {"Profile_Rule_B", ""}, {"Profile_Rule_C", ""}, {"Profile_Rule_D", ""},
            {"Log_Resync_Request_Msg", "$PN $MAC -- Requesting resync $SCHEME://$SERVIP:$PORT$PATH"},
            {"Log_Resync_Success_Msg", "$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH"},
            {"Log_Resync_Failure_Msg", "$PN $MAC -- Resync failed: $ERR"}, {"Report_Rule", ""},
            {"Upgrade_Enable", "Yes"}, {"Upgrade_Error_Retry_Delay", "3600"}, {"Downgrade_Rev_Limit", ""},
            {"Upgrade_Rule", ""},
            {"Log_Upgrade_Request_Msg", "$PN $MAC -- Requesting upgrade $SCHEME://$SERVIP:$PORT$PATH"},
            {"Log_Upgrade_Success_Msg", "$PN $MAC -- Successful upgrade $SCHEME://$SERVIP:$PORT$PATH -- $ERR"},
            {"Log_Upgrade_Failure_Msg", "$PN $MAC -- Upgrade failed: $ERR"}, {"License_Keys", ""},
            {"Recovery_URL", ""}, {"Syslog_Server", ""}, {"Debug_Server", ""}, {"Debug_Level", "0"},
            {"Restricted_Access_Domains", ""}, {"Admin_Passwd", ""}, {"User_Password", ""},
            {"Line_Enable_1_", "Yes"}, {"Line_Enable_2_", "Yes"}, {"Proxy_1_", ""}, {"Proxy_2_", ""},
            {"Display_Name_1_", ""}, {"Display_Name_2_", ""}, {"User_ID_1_", ""}, {"User_ID_2_", ""},
            {"Password_1_", ""}, {"Password_2_", ""}, {"Auth_ID_1_", ""}, {"Auth_ID_2_", ""},
            {"Use_Auth_ID_1_", "No"}, {"Use_Auth_ID_2_", "No"},
            {"Auth_Resync-Reboot_1_", "Yes"}, {"Auth_Resync-Reboot_2_", "Yes"},
            {"SIP_Port_1_", "5060"}, {"SIP_Port_2_", "5061"},
        };
        for (String[] r : rows) {
            t.put(r[0], r[1]);
        }
        for (char c = 'A'; c <= 'P'; c++) {
            t.put("GPP_" + c, "");
        }
        for (char c = 'A'; c <= 'D'; c++) {
            t.put("GPP_S" + c, "");
        }
        return t;
    }

    @Override public String model() { return model; }
    @Override public String productName() { return productName; }
    @Override public String series() { return series; }
    @Override public List<String> names() { return names; }

    @Override
    public boolean known(String xmlName) {
        return defaults.containsKey(xmlName) || NAME.matcher(xmlName).matches();
    }

    @Override
    public String defaultValue(String xmlName) {
        return defaults.getOrDefault(xmlName, "");
    }

    @Override
    public Access defaultAccess(String xmlName) {
        return Access.NA;
    }

    @Override
    public String groupOf(String xmlName) {
        return defaults.containsKey(xmlName) ? "Provisioning/Configuration_Profile" : null;
    }

    @Override
    public boolean secret(String xmlName) {
        return xmlName.matches("GPP_S[A-D]") || xmlName.equals("License_Keys")
                || xmlName.toLowerCase(Locale.ROOT).contains("passw");
    }
}
