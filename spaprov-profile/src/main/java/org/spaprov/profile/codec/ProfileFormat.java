package org.spaprov.profile.codec;

/** What a downloaded file's first bytes say it is (SPEC §3.3). */
public enum ProfileFormat {
    ENCRYPTED,
    GZIP,
    XML,
    UNKNOWN;

    public static ProfileFormat detect(byte[] data) {
        if (OpenSslAes.isEncrypted(data)) {
            return ENCRYPTED;
        }
        if (Gzip.isGzip(data)) {
            return GZIP;
        }
        int i = 0;
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i < data.length && data[i] == '<' ? XML : UNKNOWN;
    }
}
