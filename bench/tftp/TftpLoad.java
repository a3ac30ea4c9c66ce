import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A TFTP read load generator for bench/tftp/run.sh: one thread, one Selector, INFLIGHT non-blocking
 * DatagramChannels (one per in-flight slot, reused for the slot's successive transfers), octet mode,
 * optional blksize (+ tsize, as curl sends them). Each slot runs RRQ -> [OACK -> ACK 0] -> DATA/ACK
 * lock-step, pins the server's transfer port, re-ACKs duplicates, retransmits after 1 s (5 tries)
 * and checks every transfer delivered exactly SIZE bytes. Not part of the tests.
 *
 * <pre>
 * java bench/tftp/TftpLoad.java HOST PORT COUNT INFLIGHT BLKSIZE SIZE FILES [WARMUP] [CGROUP_CPU_FILE]
 *   BLKSIZE 0 = no options (plain RFC 1350, 512-byte blocks)
 *   files are spa%012x.xml for i % FILES; WARMUP transfers run first and are not counted;
 *   CGROUP_CPU_FILE (the server's cgroup: v1 cpuacct.usage or v2 cpu.stat) is read around the
 *   timed phase, so the server's CPU includes every process and thread it runs (in.tftpd forks).
 * </pre>
 * Prints one line: {@code transfers=N failed=F seconds=S rate=R load_cpu_s=C server_cpu_s=V}.
 * Exit 1 when a transfer failed or delivered the wrong size.
 */
public final class TftpLoad {

    private static final int RETRY_NANOS = 1_000_000_000;
    private static final int MAX_RETRIES = 5;

    private final InetSocketAddress server;
    private final int blksize;
    private final int blockSize;
    private final long size;
    private final int files;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65536 + 4);
    private final ByteBuffer out = ByteBuffer.allocateDirect(600);
    private final byte[][] requests;
    private int toStart;
    private int started;
    private int done;
    private int failed;

    private final class Slot {
        final DatagramChannel ch;
        SocketAddress peer;        // the server's transfer port, pinned by its first answer
        SocketAddress previous;    // the previous transfer's port: its late retransmissions are ignored
        int expected;              // next DATA block number (16 bits)
        long received;
        boolean active;
        long deadline;
        int retries;
        final ByteBuffer last = ByteBuffer.allocateDirect(600);  // last packet sent, for retransmission
        SocketAddress lastTo;

        Slot() throws IOException {
            ch = DatagramChannel.open();
            ch.bind(new InetSocketAddress(server.getAddress(), 0));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, this);
        }
    }

    private TftpLoad(InetSocketAddress server, int blksize, long size, int files) throws IOException {
        this.server = server;
        this.blksize = blksize;
        this.blockSize = blksize > 0 ? blksize : 512;
        this.size = size;
        this.files = files;
        this.selector = Selector.open();
        this.requests = new byte[files][];
        for (int i = 0; i < files; i++) {
            String opts = blksize > 0 ? "blksize\0" + blksize + "\0tsize\0" + "0\0" : "";
            String body = String.format("spa%012x.xml", i) + "\0octet\0" + opts;
            byte[] b = body.getBytes(StandardCharsets.US_ASCII);
            byte[] p = new byte[b.length + 2];
            p[1] = 1; // RRQ
            System.arraycopy(b, 0, p, 2, b.length);
            requests[i] = p;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7 || args.length > 9) {
            System.err.println("usage: TftpLoad HOST PORT COUNT INFLIGHT BLKSIZE SIZE FILES [WARMUP] [CGROUP_CPU_FILE]");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        int inflight = Integer.parseInt(args[3]);
        TftpLoad load = new TftpLoad(server, Integer.parseInt(args[4]), Long.parseLong(args[5]), Integer.parseInt(args[6]));
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        Path cpuFile = args.length > 8 ? Path.of(args[8]) : null;
        Slot[] slots = new Slot[inflight];
        for (int i = 0; i < inflight; i++) {
            slots[i] = load.new Slot();
        }
        if (warmup > 0) {
            load.run(slots, warmup);
            if (load.failed > 0) {
                System.out.println("warm-up failed: " + load.failed + " transfers");
                System.exit(1);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long s0 = cgroupCpuNanos(cpuFile);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        load.run(slots, count);
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        long s1 = cgroupCpuNanos(cpuFile);
        double secs = (t1 - t0) / 1e9;
        System.out.printf("transfers=%d failed=%d seconds=%.3f rate=%.1f load_cpu_s=%.3f server_cpu_s=%.3f%n",
                load.done, load.failed, secs, load.done / secs, (c1 - c0) / 1e9, (s1 - s0) / 1e9);
        System.exit(load.failed > 0 ? 1 : 0);
    }

    /** CPU nanoseconds of a cgroup: v1 {@code cpuacct.usage} (ns) or v2 {@code cpu.stat} (usage_usec); 0 without one. */
    private static long cgroupCpuNanos(Path file) throws IOException {
        if (file == null) {
            return 0;
        }
        String text = Files.readString(file).trim();
        if (file.getFileName().toString().equals("cpu.stat")) {
            for (String line : text.split("\n")) {
                if (line.startsWith("usage_usec ")) {
                    return Long.parseLong(line.substring(11).trim()) * 1000;
                }
            }
            throw new IOException(file + ": no usage_usec");
        }
        return Long.parseLong(text);
    }

    /** Runs {@code count} transfers with every slot busy until the last ones are started. */
    private void run(Slot[] slots, int count) throws IOException {
        toStart = count;
        started = 0;
        done = 0;
        failed = 0;
        for (Slot s : slots) {
            startNext(s);
        }
        long nextScan = System.nanoTime() + 100_000_000L;
        while (done + failed < count) {
            selector.select(100);
            var keys = selector.selectedKeys();
            for (SelectionKey k : keys) {
                Slot s = (Slot) k.attachment();
                // One datagram per readiness: a slot expects one answer per packet it sent, and a
                // second receive would mostly cost an EAGAIN syscall (epoll is level-triggered).
                in.clear();
                SocketAddress from = s.ch.receive(in);
                if (from != null) {
                    in.flip();
                    onDatagram(s, from);
                }
            }
            keys.clear();
            long now = System.nanoTime();
            if (now - nextScan >= 0) {
                nextScan = now + 100_000_000L;
                for (Slot s : slots) {
                    if (s.active && now - s.deadline >= 0) {
                        if (++s.retries > MAX_RETRIES) {
                            System.err.println("TftpLoad: timeout (block " + s.expected + ")");
                            fail(s);
                        } else {
                            s.last.rewind();
                            s.ch.send(s.last, s.lastTo);
                            s.deadline = now + RETRY_NANOS;
                        }
                    }
                }
            }
        }
    }

    private void startNext(Slot s) throws IOException {
        if (started >= toStart) {
            s.active = false;
            return;
        }
        byte[] rrq = requests[started % files];
        started++;
        if (s.peer != null) {
            s.previous = s.peer;
        }
        s.peer = null;
        s.expected = 1;
        s.received = 0;
        s.retries = 0;
        s.active = true;
        out.clear();
        out.put(rrq).flip();
        send(s, server);
    }

    private void send(Slot s, SocketAddress to) throws IOException {
        s.last.clear();
        s.last.put(out).flip();
        s.lastTo = to;
        s.ch.send(s.last, to);
        s.deadline = System.nanoTime() + RETRY_NANOS;
    }

    private void ack(Slot s, int block) throws IOException {
        out.clear();
        out.putShort((short) 4).putShort((short) block).flip();
        send(s, s.peer);
    }

    private void onDatagram(Slot s, SocketAddress from) throws IOException {
        if (!s.active) {
            return;
        }
        if (s.peer == null) {
            if (from.equals(s.previous)) {
                return;                // e.g. the last DATA again, because our final ACK was lost
            }
            s.peer = from;             // the server's transfer ID
        } else if (!s.peer.equals(from)) {
            return;                    // a stray port (e.g. a late packet of an earlier transfer)
        }
        if (in.remaining() < 4) {
            System.err.println("TftpLoad: short datagram");
            fail(s);
            return;
        }
        int op = in.getShort() & 0xFFFF;
        switch (op) {
            case 3 -> { // DATA
                int block = in.getShort() & 0xFFFF;
                int len = in.remaining();
                if (block == s.expected) {
                    s.received += len;
                    s.retries = 0;
                    s.expected = (s.expected + 1) & 0xFFFF;
                    ack(s, block);
                    if (len < blockSize) {
                        if (s.received != size) {
                            System.err.println("TftpLoad: got " + s.received + " bytes, expected " + size);
                            fail(s);
                        } else {
                            done++;
                            startNext(s);
                        }
                    }
                } else if (block == ((s.expected - 1) & 0xFFFF)) {
                    ack(s, block); // our ACK was lost: re-acknowledge
                }
            }
            case 6 -> { // OACK: check blksize, then ACK 0
                byte[] b = new byte[in.remaining()];
                in.get(b);
                String[] parts = new String(b, StandardCharsets.US_ASCII).split("\0");
                for (int i = 0; i + 1 < parts.length; i += 2) {
                    if (parts[i].equalsIgnoreCase("blksize") && Integer.parseInt(parts[i + 1]) != blockSize) {
                        System.err.println("TftpLoad: server granted blksize " + parts[i + 1]);
                        fail(s);
                        return;
                    }
                }
                if (s.expected == 1 && s.received == 0) {
                    ack(s, 0);
                }
            }
            case 5 -> {
                System.err.println("TftpLoad: server error " + (in.getShort() & 0xFFFF));
                fail(s);
            }
            default -> {
                System.err.println("TftpLoad: unexpected opcode " + op);
                fail(s);
            }
        }
    }

    private void fail(Slot s) throws IOException {
        failed++;
        s.active = false;
        if (s.peer != null) { // stop the server's side of the transfer: ERROR 0
            out.clear();
            out.putShort((short) 5).putShort((short) 0).put((byte) 0).flip();
            s.ch.send(out, s.peer);
        }
        startNext(s);
    }
}
