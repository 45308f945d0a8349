package dev.hubspotetl.app.e2e.kill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the stages' packaged jars are: the first directory, walking up from the working directory,
 * that holds {@code extractor/target/extractor.jar} (the reactor builds app last); else the directory
 * named by the environment variable {@code ETL_REPO_ROOT} or the system property {@code etl.repo.root}.
 */
final class RepoJars {

    private RepoJars() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (hasJars(dir)) {
                return dir;
            }
        }
        Optional<Path> configured = Optional.ofNullable(System.getenv("ETL_REPO_ROOT"))
                .or(() -> Optional.ofNullable(System.getProperty("etl.repo.root"))).map(Path::of);
        if (configured.isPresent() && hasJars(configured.get())) {
            return configured.get().toAbsolutePath();
        }
        throw new IllegalStateException("No extractor/target/extractor.jar above " + Path.of("").toAbsolutePath()
                + " nor in ETL_REPO_ROOT / etl.repo.root: package the stage modules first");
    }

    static Path jar(String module) {
        Path jar = root().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the " + module + " module first");
        }
        return jar;
    }

    private static boolean hasJars(Path dir) {
        return Files.isRegularFile(dir.resolve("extractor/target/extractor.jar"));
    }
}
