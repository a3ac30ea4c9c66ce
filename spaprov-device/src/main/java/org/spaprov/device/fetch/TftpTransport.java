package org.spaprov.device.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.spaprov.tftp.TftpClient;
import org.spaprov.tftp.TftpClientOptions;
import org.spaprov.tftp.TftpException;

/**
 * TFTP downloads with spaprov-tftp's {@link TftpClient} (RFC 1350, blksize and tsize options,
 * retransmission). Error code 1 is {@code file not found}, silence is {@code timeout}, anything
 * else {@code tftp_get failed}. Addresses are tried in DNS order while they time out.
 */
public final class TftpTransport implements Transport {
    private final TftpClient client = new TftpClient();
    private final TftpClientOptions options;

    public TftpTransport(FetchSettings settings) {
        this.options = TftpClientOptions.defaults().withBlockSize(settings.tftpBlockSize())
                .withRetransmitTimeout(settings.tftpTimeout()).withMaxRetries(settings.tftpRetries())
                .withOverallTimeout(settings.tftpTimeout().multipliedBy((settings.tftpRetries() + 1) * 4L));
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        String file = r.path().startsWith("/") ? r.path().substring(1) : r.path();
        FetchResult last = new FetchResult.Failed(FetchError.TIMEOUT, "no address");
        for (InetAddress addr : r.addresses()) {
            try {
                byte[] body = client.get(new InetSocketAddress(addr, r.port()), file, options.withMaxSize(r.maxBytes()));
                return new FetchResult.Ok(body, addr);
            } catch (TftpException e) {
                last = switch (e.kind()) {
                    case FILE_NOT_FOUND -> new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "TFTP error 1");
                    case TIMEOUT -> new FetchResult.Failed(FetchError.TIMEOUT, "no answer from " + addr.getHostAddress());
                    default -> new FetchResult.Failed(FetchError.TFTP_GET_FAILED, e.kind() + ": " + e.getMessage());
                };
                if (e.kind() != TftpException.Kind.TIMEOUT) {
                    return last;
                }
            }
        }
        return last;
    }
}
