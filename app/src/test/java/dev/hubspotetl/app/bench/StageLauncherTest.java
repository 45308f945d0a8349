package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageLauncherTest {

    @TempDir
    Path dir;

    @Test
    void shouldRunTheStageMainOnThisClassPathOutsideTheRunnableJar() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", "localhost:1");
        properties.put("etl.loader.concurrency", "2");
        List<String> command = StageLauncher.command("loader", List.of("-Xmx256m"), dir.resolve("heap"), properties);
        assertThat(command.get(0)).endsWith("java");
        assertThat(command).containsSubsequence("-Xmx256m", "-D" + StageMain.HEAP_REPORT + "=" + dir.resolve("heap"),
                "-cp", System.getProperty("java.class.path"), StageMain.class.getName(), "loader",
                "--spring.kafka.bootstrap-servers=localhost:1", "--etl.loader.concurrency=2");
        assertThat(command).doesNotContain(StageLauncher.PROPERTIES_LAUNCHER);
    }

    @Test
    void shouldGoThroughThePropertiesLauncherInTheRunnableJar() throws IOException {
        Path fat = jar("hubspot-etl.jar", "BOOT-INF/classes/");
        assertThat(StageLauncher.isRunnableJar(fat.toString())).isTrue();
        assertThat(StageLauncher.isRunnableJar(jar("plain.jar", "dev/").toString())).isFalse();
        assertThat(StageLauncher.isRunnableJar(fat + java.io.File.pathSeparator + fat)).isFalse();
        assertThat(StageLauncher.isRunnableJar(dir.resolve("missing.jar").toString())).isFalse();
    }

    @Test
    void shouldTakeOnlyNameValueArguments() {
        assertThat(StageMain.properties(new String[] {"--a.b=c=d", "--e="})).containsExactly(
                Map.entry("a.b", "c=d"), Map.entry("e", ""));
        assertThatThrownBy(() -> StageMain.properties(new String[] {"a=b"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a=b'");
        assertThatThrownBy(() -> StageMain.properties(new String[] {"--=b"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSeeThePeakHeapBetweenCollections() throws InterruptedException {
        HeapPeak.Watch watch = HeapPeak.watch();
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 20];
        }
        assertThat(held[63]).hasSize(1 << 20);
        held = null;
        // Collected before the peak is read: only the collection's notification can have seen the 64 MB.
        System.gc();
        long after = heapInUse();
        long deadline = System.currentTimeMillis() + 5_000;
        while (watch.peakBytes() < after + (60L << 20) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(watch.peakBytes()).isGreaterThanOrEqualTo(after + (60L << 20));
    }

    private static long heapInUse() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entry));
            out.closeEntry();
        }
        return jar;
    }
}
