package org.spaprov.tftp;

import java.io.ByteArrayOutputStream;

/** RFC 764 NVT-ASCII line-end conversion for netascii transfers (package-private). */
final class Netascii {

    private Netascii() {
    }

    /** Local to wire: LF becomes CR LF, CR becomes CR NUL (exactly invertible by {@link #decode}). */
    static byte[] encode(byte[] local) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(local.length + local.length / 16 + 16);
        for (int i = 0; i < local.length; i++) {
            byte b = local[i];
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\r') {
                out.write('\r');
                out.write(0);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Wire to local: CR LF becomes LF, CR NUL becomes CR; other bytes unchanged. */
    static byte[] decode(byte[] wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length);
        for (int i = 0; i < wire.length; i++) {
            byte b = wire[i];
            if (b == '\r' && i + 1 < wire.length && (wire[i + 1] == '\n' || wire[i + 1] == 0)) {
                out.write(wire[i + 1] == '\n' ? '\n' : '\r');
                i++;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
