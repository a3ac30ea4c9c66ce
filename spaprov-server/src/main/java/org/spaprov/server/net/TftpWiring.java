package org.spaprov.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import org.spaprov.server.provision.ProvisionService;
import org.spaprov.server.provision.ReportSink;

/** Starts spaprov-tftp's server over the provisioning service (placeholder until spaprov-tftp lands). */
final class TftpWiring {
    private TftpWiring() {
    }

    static InetSocketAddress start(NetSettings s, ProvisionService service, ReportSink reports, Executor executor,
            List<AutoCloseable> closeables) throws IOException {
        throw new IOException("tftp: the TFTP server is not available in this build");
    }
}
