package dev.hubspotetl.simulator;

import java.util.Arrays;

/**
 * The failures real HubSpot (and the network in front of it) produces, injected on demand.
 * Faults hit authenticated API calls only, after the rate limiter has counted them, because a
 * failed call still spends HubSpot quota.
 */
public enum FaultKind {
    /** 500 with HubSpot's JSON error body. */
    HTTP_500("500"),
    /** 502 with the HTML page of HubSpot's edge proxy: clients must not assume a JSON error body. */
    HTTP_502("502"),
    /** 503 with HubSpot's JSON error body. */
    HTTP_503("503"),
    /** 504 with the edge proxy's HTML page. */
    HTTP_504("504"),
    /** The right answer, but only after {@link SimulatorConfig#slowAnswerDelay()}. */
    SLOW("slow"),
    /** Status and headers promise the whole body, half of it is sent, then the connection closes. */
    DISCONNECT("disconnect"),
    /** A 200 whose body is cut short, so it is not valid JSON. */
    MALFORMED_JSON("malformed");

    private final String flag;

    FaultKind(String flag) {
        this.flag = flag;
    }

    /** The name used by the {@code --fault-kinds} flag. */
    public String flag() {
        return flag;
    }

    /** Parses a flag name ({@code 502}, {@code slow}) or an enum name ({@code HTTP_502}). */
    public static FaultKind parse(String text) {
        String wanted = text.trim();
        return Arrays.stream(values())
                .filter(kind -> kind.flag.equalsIgnoreCase(wanted) || kind.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + text + "', expected one of "
                        + Arrays.stream(values()).map(FaultKind::flag).toList()));
    }
}
