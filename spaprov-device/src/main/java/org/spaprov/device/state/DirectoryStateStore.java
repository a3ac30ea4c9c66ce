package org.spaprov.device.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.spaprov.profile.Access;

/**
 * Keeps the state in {@code DIR/state.properties}. A save writes {@code state.properties.tmp},
 * forces it to disk, renames it over the old file atomically and forces the directory, so a kill
 * at any point leaves the old or the new file, whole (SPEC issue 4: "flash survives a power cycle").
 *
 * <p>Format (java.util.Properties, keys sorted): {@code firmware}, {@code upgrade.last-url},
 * {@code boot.skip-resync-on-reset}, {@code boot.resync}, {@code value.NAME}, {@code access.NAME}.
 */
public final class DirectoryStateStore implements StateStore {
    static final String FILE = "state.properties";

    private final Path dir;

    public DirectoryStateStore(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public Optional<PersistentState> load(DeviceModel model) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
        String fw = p.getProperty("firmware");
        if (fw == null) {
            throw new IOException(f + ": not a device state file (no 'firmware' entry)");
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Access> access = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("value.")) {
                values.put(k.substring(6), p.getProperty(k));
            } else if (k.startsWith("access.")) {
                Access.fromXml(p.getProperty(k)).ifPresent(a -> access.put(k.substring(7), a));
            }
        }
        return Optional.of(new PersistentState(ParamValues.of(model, values, access), fw,
                p.getProperty("upgrade.last-url", ""),
                Boolean.parseBoolean(p.getProperty("boot.skip-resync-on-reset")),
                Boolean.parseBoolean(p.getProperty("boot.resync"))));
    }

    @Override
    public void save(DeviceModel model, PersistentState s) throws IOException {
        Map<String, String> sorted = new TreeMap<>();
        sorted.put("firmware", s.firmwareVersion());
        sorted.put("upgrade.last-url", s.lastUpgradeUrl());
        sorted.put("boot.skip-resync-on-reset", Boolean.toString(s.skipResyncOnReset()));
        sorted.put("boot.resync", Boolean.toString(s.resyncAfterBoot()));
        s.params().values().forEach((k, v) -> sorted.put("value." + k, v));
        s.params().accesses().forEach((k, a) -> sorted.put("access." + k, a.xml()));
        Properties p = new Properties();
        p.putAll(sorted);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, "spaprov device state; written atomically, do not edit while the device runs");
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(dir + ": file system cannot rename atomically; state not saved", e);
        }
        forceDirectory();
    }

    private void forceDirectory() {
        // makes the rename itself durable; some platforms cannot open a directory, which is harmless
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
