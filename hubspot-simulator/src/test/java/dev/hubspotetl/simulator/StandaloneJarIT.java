package dev.hubspotetl.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar runs with {@code java -jar} and nothing else, as the demo and docker-compose start it. */
class StandaloneJarIT {

    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "hubspot-simulator.jar");
    private static final Pattern SERVING = Pattern.compile("serving (\\d+) deals at (http://\\S+) ");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void shouldServeDealsAndLogEachBusySecond() throws Exception {
        Process process = start("--port=0", "--bind=127.0.0.1", "--deals=250", "--seed=7", "--token=it-token",
                "--rate-limit=100/10s", "--search-rate-limit=5", "--fault-rate=0.0");
        BlockingQueue<String> lines = lines(process);

        Matcher serving = awaitLine(lines, SERVING);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(serving.group(2) + "/crm/v3/objects/deals?limit=5"))
                        .header("Authorization", "Bearer it-token").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(serving.group(1)).isEqualTo("250");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HubSpotHttp.json(response).get("results")).hasSize(5);
        assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Max")).hasValue("100");
        assertThat(awaitLine(lines, Pattern.compile("served 1 requests \\(5 deals\\), 0 x 429, 0 faults")).group())
                .isNotBlank();
    }

    @Test
    void shouldListEveryFlagForHelpAndExitCleanly() throws Exception {
        Process process = start("--help");
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(help).contains("--port=", "--deals=", "--seed=", "--token=", "--rate-limit=", "--search-rate-limit=",
                "--fault-rate=");
    }

    @Test
    void shouldRefuseAnUnknownFlagWithExitCode2() throws Exception {
        Process process = start("--no-such-flag=1");
        process.getInputStream().readAllBytes();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }

    private Process start(String... flags) throws IOException {
        assertThat(JAR).as("run `verify`: the jar is built in the package phase").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return process;
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        }, "standalone-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static Matcher awaitLine(BlockingQueue<String> lines, Pattern wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher matcher = wanted.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no line matching " + wanted + " in " + seen);
    }
}
