package dev.hubspotetl.app.console;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How to draw on the console: redrawn in place with block characters on a terminal; one plain ASCII
 * line at a time when the output is a file, a pipe or a test's buffer.
 *
 * @param interactive redraw the progress line in place ({@code \r})
 * @param unicode     block characters for the bar, ASCII otherwise
 * @param columns     the terminal's width: a redrawn line must not wrap
 */
public record ConsoleStyle(boolean interactive, boolean unicode, int columns) {

    /** Lines printed one after the other never wrap into each other: no width to keep to. */
    public static final ConsoleStyle PLAIN = new ConsoleStyle(false, false, 200);
    /** Set by the launcher ({@code tput cols}); Java cannot ask the terminal itself. */
    static final String COLUMNS_VARIABLE = "COLUMNS";

    /** The style for {@code System.out}: interactive only on a real terminal. */
    public static ConsoleStyle detect(Map<String, String> environment) {
        boolean terminal = System.console() != null && !"dumb".equals(environment.get("TERM"));
        boolean utf8 = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
        return terminal ? new ConsoleStyle(true, utf8, columns(environment.get(COLUMNS_VARIABLE))) : PLAIN;
    }

    private static int columns(String value) {
        try {
            return value == null ? 80 : Math.max(40, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
