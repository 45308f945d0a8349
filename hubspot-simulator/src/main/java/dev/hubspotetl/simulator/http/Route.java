package dev.hubspotetl.simulator.http;

/** The endpoints the simulator serves, by path and method. */
enum Route {
    LIST("list", "GET"),
    GET("get", "GET"),
    SEARCH("search", "POST"),
    PROPERTIES("properties", "GET"),
    UNKNOWN("other", null);

    private static final String DEALS = "/crm/v3/objects/deals";

    /** A request's route, plus the deal id of a {@link #GET}. */
    record Match(Route route, String dealId) {
    }

    private final String statsName;
    private final String method;

    Route(String statsName, String method) {
        this.statsName = statsName;
        this.method = method;
    }

    String statsName() {
        return statsName;
    }

    String method() {
        return method;
    }

    boolean servesDealPages() {
        return this == LIST || this == SEARCH;
    }

    static Match match(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.equals(DEALS)) {
            return new Match(LIST, null);
        }
        if (path.equals(DEALS + "/search")) {
            return new Match(SEARCH, null);
        }
        if (path.startsWith(DEALS + "/") && path.indexOf('/', DEALS.length() + 1) < 0) {
            return new Match(GET, path.substring(DEALS.length() + 1));
        }
        if (path.equals("/crm/v3/properties/deals")) {
            return new Match(PROPERTIES, null);
        }
        return new Match(UNKNOWN, null);
    }
}
