package org.spaprov.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWatcherTest {
    @TempDir
    Path dir;

    @Test
    void pollingPicksUpAChangedLayer() throws Exception {
        Files.createDirectories(dir.resolve("layers"));
        Files.writeString(dir.resolve("layers/global.xml"), "<flat-profile><Station_Name>a</Station_Name></flat-profile>");
        LinkedBlockingQueue<Site> loaded = new LinkedBlockingQueue<>();
        try (SiteWatcher w = new SiteWatcher(dir, dir.resolve(".data"), loaded::add)) {
            assertThat(loaded.take().generation()).isEqualTo(1);
            w.start(Duration.ofMillis(50));
            Files.writeString(dir.resolve("layers/global.xml"),
                    "<flat-profile><Station_Name>bb</Station_Name></flat-profile>");
            Site next = loaded.poll(20, TimeUnit.SECONDS);
            assertThat(next).isNotNull();
            assertThat(next.generation()).isEqualTo(2);
            assertThat(next.global().orElseThrow().profile().value("Station_Name")).isEqualTo("bb");
            assertThat(w.site()).isSameAs(next);
            assertThat(w.reloadNow()).isFalse();       // nothing changed since
        }
    }

    @Test
    void dataDirectoryChangesDoNotReload() throws Exception {
        try (SiteWatcher w = new SiteWatcher(dir, dir.resolve(".data"), s -> { })) {
            Files.createDirectories(dir.resolve(".data"));
            Files.writeString(dir.resolve(".data/spaprov.mv.db"), "x");
            assertThat(w.reloadNow()).isFalse();
            Files.writeString(dir.resolve("devices.csv"), "mac,model\n000e08aabbcc,spa2102\n");
            assertThat(w.reloadNow()).isTrue();
            assertThat(w.site().devices()).containsKey("000e08aabbcc");
        }
    }
}
