// Serves the files of a directory through spaprov's HTTP/HTTPS transport (ProvisioningServer) with an
// in-memory ProvisionService, so wrk/openssl can compare the transport with nginx serving the same files.
// Run by run.sh as a single-file source program:
//   java -cp CLASSPATH BenchServer.java DIR HTTP_PORT HTTPS_PORT PKI_DIR [pool|inline] [auto|jdk|openssl]
//   [returning|first-contact]   (first-contact: no verified-chain cache, every handshake verifies in full)
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.spaprov.server.config.ServerConfig.ClientCertMode;
import org.spaprov.server.http.TlsSettings;
import org.spaprov.server.net.NetSettings;
import org.spaprov.server.net.ProvisioningServer;
import org.spaprov.server.provision.ProvisionResult;

public class BenchServer {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int http = Integer.parseInt(args[1]);
        int https = Integer.parseInt(args[2]);
        Path pki = Path.of(args[3]);
        NetSettings.Dispatch dispatch = args.length > 4 && args[4].equals("inline") ? NetSettings.Dispatch.INLINE
                : NetSettings.Dispatch.POOL;
        Map<String, ProvisionResult> files = new HashMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                byte[] b = Files.readAllBytes(p);
                String etag = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 8) + '"';
                files.put("/" + p.getFileName(), ProvisionResult.ok(b, "application/xml", etag, "ok", Optional.empty()));
            }
        }
        ProvisionResult notFound = ProvisionResult.error(404, "no such file", Optional.empty());
        TlsSettings tls = new TlsSettings(pki.resolve("server.crt"), pki.resolve("server.key"),
                Optional.of(pki.resolve("ca.crt")), ClientCertMode.REQUIRED,
                TlsSettings.Engine.valueOf((args.length > 5 ? args[5] : "auto").toUpperCase()),
                !(args.length > 6 && args[6].equals("first-contact")));
        NetSettings settings = NetSettings.loopback(Optional.of(tls)).withPorts(-1, http, https).withDispatch(dispatch);
        ProvisioningServer server = ProvisioningServer.start(settings,
                r -> files.getOrDefault(r.path(), notFound), (r, b) -> 200, Clock.systemUTC());
        server.listeningLines().forEach(System.out::println);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
