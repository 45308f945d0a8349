package dev.hubspotetl.app.console;

import dev.hubspotetl.app.scan.StageTotal;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;

/** Prints the end-of-scan summary: outcome, counts, speed, deals and amount by stage, where to go next. */
public final class SummaryPrinter {

    private static final String SCANS_PATH = "/api/v1/scans";

    private final PrintStream out;

    public SummaryPrinter(PrintStream out) {
        this.out = out;
    }

    public void print(Summary summary) {
        var scan = summary.scan();
        out.println();
        out.printf(Locale.ROOT, "Scan %s %s%n", summary.scanId(), scan.status());
        out.printf(Locale.ROOT, "  deals loaded   %,d%n", scan.processedItems());
        out.printf(Locale.ROOT, "  deals failed   %,d%n", scan.failedItems());
        out.printf(Locale.ROOT, "  extracted      %,d%s%n", scan.totalItems(),
                scan.successRate().map(rate -> "   (success rate " + rate + ")").orElse(""));
        out.printf(Locale.ROOT, "  duration       %.1f s%n", summary.duration().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  throughput     %,.0f deals/s%n", summary.dealsPerSecond());
        scan.errorMessage().ifPresent(message -> out.printf(Locale.ROOT, "  error          %s%n", message));
        if (!summary.stages().isEmpty()) {
            stages(summary);
        }
        out.println();
        out.printf(Locale.ROOT, "  API            %s  (header X-API-Key: %s)%n", summary.apiUrl(), summary.apiKey());
        out.printf(Locale.ROOT, "  try            curl -H 'X-API-Key: %s' '%s%s/%s/deals/summary?groupBy=stage'%n",
                summary.apiKey(), summary.apiUrl(), SCANS_PATH, summary.scanId());
        out.printf(Locale.ROOT, "  data           %s  (%s)%n", summary.dataDir().toAbsolutePath().normalize(),
                summary.storage());
        out.printf(Locale.ROOT, "  log            %s%n", summary.logFile().toAbsolutePath().normalize());
    }

    private void stages(Summary summary) {
        out.println();
        out.printf(Locale.ROOT, "  %-28s %10s %22s%n", "deal stage", "deals", "amount");
        long deals = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (StageTotal stage : summary.stages()) {
            out.printf(Locale.ROOT, "  %-28s %,10d %22s%n", stage.stage().orElse("(none)"), stage.deals(),
                    stage.amount().map(SummaryPrinter::money).orElse("-"));
            deals += stage.deals();
            amount = amount.add(stage.amount().orElse(BigDecimal.ZERO));
        }
        out.printf(Locale.ROOT, "  %-28s %,10d %22s%n", "all stages", deals, money(amount));
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
