package org.spaprov.server.site;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.spaprov.profile.Access;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Position;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.Setting;

/**
 * The server's one seam to the profile formats, codecs and catalogs of {@code spaprov-profile}.
 * Interim bodies until the shared implementations land in main; then each method delegates.
 * Stateless and thread-safe.
 */
public final class Formats {
    private static final Set<String> MODELS = Set.of("spa2102", "spa3102", "pap2t", "spa962", "spa942");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Formats() {
    }

    /** Reads a (partial) XML flat-profile; errors name file:line:col. */
    public static Profile readXml(byte[] xml, String fileName) throws ProfileException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Profile.Builder b = Profile.builder();
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            String name = null;
            Access access = null;
            Position pos = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        name = r.getLocalName();
                        String ua = r.getAttributeValue(null, "ua");
                        access = ua == null ? null : Access.fromXml(ua).orElse(null);
                        pos = new Position(fileName, r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
                        text.setLength(0);
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (depth == 2) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2) {
                        b.add(new Setting(name, text.toString(), access, pos));
                    }
                    depth--;
                }
            }
            return b.build();
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            throw new ProfileException(new Position(fileName, loc == null ? 0 : loc.getLineNumber(),
                    loc == null ? 0 : loc.getColumnNumber()), "malformed XML");
        } catch (IllegalArgumentException e) {
            throw new ProfileException(new Position(fileName, 0, 0), e.getMessage());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /** Writes the effective statements as {@code <flat-profile>} XML. */
    public static String writeXml(Profile p) {
        StringBuilder sb = new StringBuilder("<flat-profile>\n");
        for (Setting s : p.effective().values()) {
            sb.append("  <").append(s.name());
            if (s.access() != null) {
                sb.append(" ua=\"").append(s.access().xml()).append('"');
            }
            if (s.value() == null) {
                sb.append("/>\n");
            } else {
                sb.append('>').append(escape(s.value())).append("</").append(s.name()).append(">\n");
            }
        }
        return sb.append("</flat-profile>\n").toString();
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** gzip (optional) then AES-256-CBC with an OpenSSL {@code Salted__} header, MD5 key derivation. */
    public static byte[] encode(byte[] xml, boolean gzip, String keyOrNull) {
        byte[] data = gzip ? gzip(xml) : xml;
        if (keyOrNull == null) {
            return data;
        }
        try {
            byte[] salt = new byte[8];
            RANDOM.nextBytes(salt);
            byte[][] kiv = keyIv(keyOrNull.getBytes(StandardCharsets.US_ASCII), salt);
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kiv[0], "AES"), new IvParameterSpec(kiv[1]));
            byte[] ct = c.doFinal(data);
            byte[] out = new byte[16 + ct.length];
            System.arraycopy("Salted__".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 8);
            System.arraycopy(salt, 0, out, 8, 8);
            System.arraycopy(ct, 0, out, 16, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    /** The inverse of {@link #encode} (tests, reports). */
    public static byte[] decode(byte[] data, String keyOrNull) throws IOException {
        byte[] plain = data;
        if (keyOrNull != null) {
            try {
                byte[] salt = Arrays.copyOfRange(data, 8, 16);
                byte[][] kiv = keyIv(keyOrNull.getBytes(StandardCharsets.US_ASCII), salt);
                Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kiv[0], "AES"), new IvParameterSpec(kiv[1]));
                plain = c.doFinal(data, 16, data.length - 16);
            } catch (GeneralSecurityException e) {
                throw new IOException("decrypt failed");
            }
        }
        if (plain.length > 2 && (plain[0] & 0xff) == 0x1f && (plain[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(plain))) {
                return in.readNBytes(16 * 1024 * 1024);
            }
        }
        return plain;
    }

    private static byte[][] keyIv(byte[] pass, byte[] salt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] all = new byte[48];
        byte[] prev = new byte[0];
        for (int off = 0; off < 48; off += 16) {
            md.update(prev);
            md.update(pass);
            md.update(salt);
            prev = md.digest();
            System.arraycopy(prev, 0, all, off, 16);
        }
        return new byte[][] {Arrays.copyOf(all, 32), Arrays.copyOfRange(all, 32, 48)};
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bo.toByteArray();
    }

    /** The catalog's name for a model ({@code SPA-2102}, {@code SPA2102} → {@code spa2102}), if known. */
    public static Optional<String> model(String name) {
        String m = name.toLowerCase(Locale.ROOT).replace("-", "");
        return MODELS.contains(m) ? Optional.of(m) : Optional.empty();
    }

    /** Every catalog parameter of {@code model} with its default value and access. */
    public static Profile defaults(String model) {
        return Profile.empty();
    }

    /** Catalog validation; errors make a profile unservable. */
    public static List<Finding> validate(String model, Profile p) {
        return List.of();
    }
}
