package dev.hubspotetl.app.console;

import dev.hubspotetl.app.scan.ScanState;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One line of progress: a bar of deals done (loaded or failed) against the total, the counters, the
 * rate and an estimate of the time left. The total is exact once extraction has finished; before
 * that it is the expected size when known (the demo knows its portal), otherwise what has been
 * extracted so far, and no estimate is given.
 */
public final class ProgressBar {

    static final int MAX_WIDTH = 30;
    static final int MIN_WIDTH = 10;
    static final int WIDE_COLUMNS = 100;

    private final ConsoleStyle style;

    public ProgressBar(ConsoleStyle style) {
        this.style = style;
    }

    public String render(ScanState scan, OptionalLong expectedTotal, double dealsPerSecond) {
        long total = scan.extractionCompleted() ? scan.totalItems()
                : Math.max(scan.totalItems(), expectedTotal.orElse(0));
        boolean totalKnown = scan.extractionCompleted() || expectedTotal.isPresent();
        double fraction = total == 0 ? 0 : Math.min(1.0, (double) scan.done() / total);
        String eta = totalKnown && dealsPerSecond > 0 && !scan.finished()
                ? duration(Duration.ofSeconds(Math.round((total - scan.done()) / dealsPerSecond))) : "--:--";
        // A redrawn line must fit the terminal, or every redraw starts a new line: narrow terminals get
        // single spaces and a shorter bar, of a width that does not change while the numbers grow.
        boolean narrow = style.columns() < WIDE_COLUMNS;
        String gap = narrow ? " " : "  ";
        int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, style.columns() - 3 - (narrow ? 67 : 74)));
        int filled = (int) Math.round(fraction * width);
        String bar = (style.unicode() ? "█" : "#").repeat(filled)
                + (style.unicode() ? "░" : "-").repeat(width - filled);
        String line = String.format(Locale.ROOT, "[%s] %3d%%"
                        + "%sextracted %,d%sloaded %,d%sfailed %,d%s%,.0f deals/s%sETA %s",
                bar, (int) Math.floor(fraction * 100), gap, scan.totalItems(), gap, scan.processedItems(), gap,
                scan.failedItems(), gap, dealsPerSecond, gap, eta);
        return line.length() < style.columns() ? line : line.substring(0, style.columns() - 1);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
