package org.spaprov.device.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.profile.Access;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.Setting;
import org.spaprov.profile.alias.AliasMap;
import org.spaprov.profile.codec.CodecException;
import org.spaprov.profile.codec.Digest;
import org.spaprov.profile.codec.ProfileCodec;
import org.spaprov.profile.xml.XmlProfileReader;

/**
 * Turns a downloaded profile into the values a device applies (SPEC §3.3, §10, §11): decrypt when
 * a key is given ({@code Salted__}, MD5 key derivation as v3.0 devices do), gunzip when gzip,
 * read the XML through the {@code --alias} map, then keep what the model knows and accepts.
 * Pure.
 */
final class ProfileLoader {
    private ProfileLoader() {
    }

    /** The statements of one file the device takes: values and access levels by XML name, in order. */
    record Loaded(Map<String, String> values, Map<String, Access> access) { }

    /** A file the device cannot use; {@link #err()} is the $ERR of SPEC §15.23. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String err) {
            super(err, null, false, false);
        }

        String err() {
            return getMessage();
        }
    }

    /**
     * @param key     the expanded {@code --key} argument, or null
     * @param aliases the {@code --alias} GPP's value, or null
     * @param name    the file's name, for parse messages
     */
    static Loaded load(byte[] data, String key, String aliases, String name, DeviceModel model) throws Rejected {
        try {
            byte[] xml = ProfileCodec.decode(data, key, Digest.MD5);
            Profile profile = XmlProfileReader.read(xml, name, aliases == null ? AliasMap.empty() : AliasMap.parse(aliases));
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Access> access = new LinkedHashMap<>();
            for (Setting s : profile.statements()) {
                if (!model.known(s.name())) {
                    continue; // SPEC §15.4: the device ignores unknown names
                }
                if (s.value() != null && model.accepts(s.name(), s.value())) {
                    values.put(s.name(), s.value()); // a value of the wrong type is skipped (SPEC §11)
                }
                if (s.access() != null) {
                    access.put(s.name(), s.access());
                }
            }
            return new Loaded(values, access);
        } catch (CodecException e) {
            throw new Rejected(e.errString());
        } catch (ProfileException e) {
            throw new Rejected("corrupt file");
        }
    }
}
