package dev.hubspotetl.app.local;

import dev.hubspotetl.app.cli.CliOptions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The names one local-mode run uses: its scan id ({@code demo-20250601-120000-3fa9}, unique across
 * runs on the same data) and the API key it registers. The demo's key is the fixed, documented
 * {@value #DEMO_API_KEY} (the API listens on loopback only); {@code run} makes a new random key each
 * time and prints it.
 *
 * @param scanId the scan this run submits
 * @param apiKey the API key bound to the run's organization
 */
public record LocalIdentity(String scanId, String apiKey) {

    public static final String DEMO_API_KEY = "demo-key";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalIdentity of(CliOptions options) {
        String scanId = options.command().word() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-"
                + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
        String apiKey = options.demo() ? DEMO_API_KEY : "local-" + HexFormat.of().toHexDigits(RANDOM.nextLong());
        return new LocalIdentity(scanId, apiKey);
    }
}
