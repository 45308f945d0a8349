package dev.hubspotetl.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals per second the simulator serves with limits off, so that it is never what holds a
 * pipeline back. Each figure is full cursor-following scans of 100,000 deals (limit 100).
 * Two clients: the JDK HttpClient, as a pipeline would use, and a bare keep-alive socket that
 * shows what the server alone can do (client and server share this machine's cores).
 * Prints figures; asserts only that every scan saw every deal.
 * Run: {@code ./mvnw -B -Pbench -pl hubspot-simulator verify}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealThroughputBenchmark {

    private static final int DEALS = 100_000;
    private static final byte[] DEAL_MARKER = ",\"properties\":{".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AFTER_MARKER = "\"paging\":{\"next\":{\"after\":\"".getBytes(StandardCharsets.UTF_8);

    /** Fetches one page: a path and query in, the body out. */
    private interface Client {
        byte[] get(String pathAndQuery) throws IOException, InterruptedException;
    }

    private HubSpotSimulator hubspot;
    private int active;
    private String allProperties;

    @BeforeAll
    void start() throws Exception {
        long started = System.nanoTime();
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(DEALS).noRateLimits().build());
        active = hubspot.dataset().activeDeals().size();
        allProperties = hubspot.dataset().properties().stream().map(PropertyDefinition::name)
                .collect(Collectors.joining(","));
        System.out.printf(Locale.ROOT, "simulator with %,d deals (%,d active) up in %d ms%n", DEALS, active,
                (System.nanoTime() - started) / 1_000_000);
        for (int i = 0; i < 3; i++) { // warm-up: JIT, connections, rendered-deal caches
            scan(httpClient(), "limit=100");
            scan(socketClient(), "limit=100&associations=contacts&properties=" + allProperties);
        }
    }

    @AfterAll
    void stop() {
        hubspot.close();
    }

    @Test
    void printDealsPerSecondServedWithLimitsOff() throws Exception {
        String everything = "limit=100&associations=contacts&properties=" + allProperties;
        measure("HttpClient, default properties, 1 client", 1, "limit=100", true);
        measure("HttpClient, all 26 properties+contacts, 1 client", 1, everything, true);
        measure("HttpClient, all 26 properties+contacts, 4 clients", 4, everything, true);
        measure("socket, default properties, 1 client", 1, "limit=100", false);
        measure("socket, all 26 properties+contacts, 1 client", 1, everything, false);
        measure("socket, all 26 properties+contacts, 4 clients", 4, everything, false);
    }

    private void measure(String label, int clients, String query, boolean jdkClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int scansEach = 3;
        long started = System.nanoTime();
        List<Future<long[]>> scans = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            scans.add(pool.submit(() -> {
                Client client = jdkClient ? httpClient() : socketClient();
                long[] total = new long[2];
                for (int s = 0; s < scansEach; s++) {
                    long[] scan = scan(client, query);
                    assertThat(scan[0]).isEqualTo(active);
                    total[0] += scan[0];
                    total[1] += scan[1];
                }
                return total;
            }));
        }
        long deals = 0;
        long bytes = 0;
        for (Future<long[]> scan : scans) {
            deals += scan.get()[0];
            bytes += scan.get()[1];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "BENCH %-50s %,10.0f deals/s %,7.1f MB/s (%,d deals in %.2f s)%n",
                label, deals / seconds, bytes / seconds / 1e6, deals, seconds);
    }

    /** A full scan that follows the cursor; counts deals in the bytes rather than parsing JSON. */
    private long[] scan(Client client, String query) throws Exception {
        long deals = 0;
        long bytes = 0;
        String after = null;
        do {
            byte[] body = client.get("/crm/v3/objects/deals?" + query + (after == null ? "" : "&after=" + after));
            deals += occurrences(body, DEAL_MARKER);
            bytes += body.length;
            after = nextAfter(body);
        } while (after != null);
        return new long[] {deals, bytes};
    }

    private Client httpClient() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Bearer " + hubspot.config().token();
        return pathAndQuery -> client.send(HttpRequest.newBuilder(URI.create(hubspot.baseUrl() + pathAndQuery))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** HTTP/1.1 over one keep-alive socket, reading Content-Length bodies: nothing more. */
    private Client socketClient() throws IOException {
        Socket socket = new Socket("127.0.0.1", hubspot.port());
        socket.setTcpNoDelay(true);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        String headers = " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hubspot.config().token() + "\r\n\r\n";
        return pathAndQuery -> {
            out.write(("GET " + pathAndQuery + headers).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int length = -1;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        };
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String nextAfter(byte[] body) {
        int at = lastIndexOf(body, AFTER_MARKER);
        if (at < 0) {
            return null;
        }
        int from = at + AFTER_MARKER.length;
        int to = from;
        while (body[to] != '"') {
            to++;
        }
        return new String(body, from, to - from, StandardCharsets.US_ASCII);
    }

    // Only deal objects have a "properties" member.
    private static long occurrences(byte[] body, byte[] marker) {
        long count = 0;
        for (int i = 0; i + marker.length <= body.length; i++) {
            if (matchesAt(body, marker, i)) {
                count++;
            }
        }
        return count;
    }

    private static int lastIndexOf(byte[] body, byte[] marker) {
        for (int i = body.length - marker.length; i >= 0; i--) {
            if (matchesAt(body, marker, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(byte[] body, byte[] marker, int at) {
        for (int j = 0; j < marker.length; j++) {
            if (body[at + j] != marker[j]) {
                return false;
            }
        }
        return true;
    }
}
