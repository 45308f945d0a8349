package dev.hubspotetl.app.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Builds the command line of a {@link StageMain} process from what this JVM runs: in the runnable jar
 * through Spring Boot's PropertiesLauncher (the classes sit under {@code BOOT-INF/}), else on this
 * JVM's class path (tests, an IDE).
 */
final class StageLauncher {

    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private StageLauncher() {
    }

    /**
     * {@code java <jvmOptions> -D<report> <class path and main> <stage> --name=value ...}.
     *
     * @param heapReport the file the process writes its peak heap to when it is stopped
     */
    static List<String> command(String stage, List<String> jvmOptions, Path heapReport,
                                Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + StageMain.HEAP_REPORT + "=" + heapReport.toAbsolutePath());
        String classPath = System.getProperty("java.class.path");
        if (isRunnableJar(classPath)) {
            command.add("-Dloader.main=" + StageMain.class.getName());
            command.add("-cp");
            command.add(classPath);
            command.add(PROPERTIES_LAUNCHER);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(StageMain.class.getName());
        }
        command.add(stage);
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        return command;
    }

    static boolean isRunnableJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")
                || !Files.isRegularFile(Path.of(classPath))) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
