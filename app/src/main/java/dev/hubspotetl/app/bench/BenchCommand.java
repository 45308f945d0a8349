package dev.hubspotetl.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hubspotetl.app.cli.CliOptions;
import dev.hubspotetl.app.cli.UsageException;
import dev.hubspotetl.app.config.UserConfiguration;
import dev.hubspotetl.app.console.Steps;
import dev.hubspotetl.app.embedded.EmbeddedHubSpot;
import dev.hubspotetl.app.embedded.EmbeddedKafkaBroker;
import dev.hubspotetl.app.embedded.EmbeddedPostgresServer;
import dev.hubspotetl.app.embedded.Ports;
import dev.hubspotetl.app.scan.ScanJobs;
import dev.hubspotetl.app.scan.ScanState;
import dev.hubspotetl.app.scan.ScanSubmitter;
import dev.hubspotetl.app.stages.Pipeline;
import dev.hubspotetl.app.stages.Stage;
import dev.hubspotetl.app.stages.StageConfiguration;
import dev.hubspotetl.simulator.HubSpotSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hubspot-etl bench}: in this one JVM, on a fresh data directory, runs a full scan of
 * {@code --deals} simulated deals with rate limits off, first unmeasured (the JIT compiles the stages'
 * code meanwhile), then again, timed end to end and per stage; then, the pipeline closed, the database
 * ceiling for the same rows and the loader alone in its own JVM over the same deals (see
 * {@link LoaderVersusCeiling}); then a rate-limited scan for the extractor's share of HubSpot's budget
 * and its 429s. Prints a table and writes it as JSON.
 */
public final class BenchCommand {

    /** Seconds the rate-limited scan should last (its portal is sized for it): {@code --bench.budget-seconds}. */
    public static final String BUDGET_SECONDS = "bench.budget-seconds";
    /** Where the JSON goes: {@code --bench.output-dir}, else the repository's {@code target/bench}. */
    public static final String OUTPUT_DIR = "bench.output-dir";
    /** Keep the run's data directory (PostgreSQL, Kafka) instead of deleting it: {@code --bench.keep-data}. */
    public static final String KEEP_DATA = "bench.keep-data";
    /** Run a first, unmeasured scan of the same deals to warm the JVM up: {@code --bench.warm-up}, default true. */
    public static final String WARM_UP = "bench.warm-up";
    public static final int DEFAULT_BUDGET_SECONDS = 60;

    public static final int COMPLETED = 0;
    public static final int SCAN_NOT_COMPLETED = 1;
    public static final int START_FAILED = 3;

    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);
    private static final String API_KEY = "bench-key";
    private static final String ORGANIZATION = "bench";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final long STALL_MILLIS = 180_000;

    private final CliOptions options;
    private final UserConfiguration user;
    private final PrintStream out;
    private final Path logFile;
    private final Map<String, String> environment;
    private final Steps steps;

    public BenchCommand(CliOptions options, UserConfiguration user, PrintStream out, Path logFile,
                        Map<String, String> environment) {
        this.options = options;
        this.user = user;
        this.out = out;
        this.logFile = logFile;
        this.environment = Map.copyOf(environment);
        this.steps = new Steps(out);
    }

    public int run() throws InterruptedException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stamp = STAMP.format(started);
        Path runDir = options.dataDir().resolve("bench").resolve(stamp).toAbsolutePath().normalize();
        int budgetSeconds = budgetSeconds(options.springProperties().get(BUDGET_SECONDS));
        out.printf(Locale.ROOT, "HubSpot Deals ETL, bench: %,d deals, then a %d s rate-limited scan (data in %s)%n",
                options.deals(), budgetSeconds, runDir);
        Run run = new Run(runDir, stamp);
        BenchResult result;
        try {
            result = run.execute(started, budgetSeconds);
        } catch (ScanNotCompleted e) {
            out.println("Benchmark aborted: " + e.getMessage());
            out.println("Details in " + logFile);
            return SCAN_NOT_COMPLETED;
        } catch (RuntimeException | SQLException | IOException e) {
            log.error("The benchmark could not run", e);
            out.println("Benchmark could not run: " + e.getMessage());
            out.println("Details in " + logFile);
            return START_FAILED;
        } finally {
            run.close();
            if (!Boolean.parseBoolean(options.springProperties().getOrDefault(KEEP_DATA, "false"))) {
                deleteQuietly(runDir);
            }
        }
        out.println();
        out.print(BenchTable.render(result));
        try {
            Path json = write(result, outputDir(), stamp);
            out.println();
            out.println("  JSON      " + json + " (and latest.json)");
        } catch (IOException e) {
            log.error("Cannot write the benchmark's JSON", e);
            out.println("Cannot write the JSON: " + e.getMessage());
            return START_FAILED;
        }
        return COMPLETED;
    }

    private boolean warmUp() {
        return Boolean.parseBoolean(options.springProperties().getOrDefault(WARM_UP, "true"));
    }

    static int budgetSeconds(String given) {
        if (given == null) {
            return DEFAULT_BUDGET_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(given);
            if (seconds >= 20 && seconds <= 3_600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException("--" + BUDGET_SECONDS + " must be a whole number of seconds from 20 to 3600, was '"
                + given + "'");
    }

    /** Writes {@code bench-<stamp>.json} and {@code latest.json}; returns the first. */
    static Path write(BenchResult result, Path dir, String stamp) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = json.writeValueAsBytes(result.toJson());
        Path file = dir.resolve("bench-" + stamp + ".json");
        Files.write(file, bytes);
        Files.write(dir.resolve("latest.json"), bytes);
        return file.toAbsolutePath().normalize();
    }

    Path outputDir() {
        String given = options.springProperties().get(OUTPUT_DIR);
        if (given != null) {
            return Path.of(given);
        }
        // The launcher points the data directory at <repository>/.hubspot-etl: the JSON goes beside it.
        String dataDir = environment.get("HUBSPOT_ETL_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            Path repository = Path.of(dataDir).toAbsolutePath().normalize().getParent();
            if (repository != null && Files.exists(repository.resolve("hubspot-etl"))) {
                return repository.resolve("target").resolve("bench");
            }
        }
        return Path.of("target", "bench").toAbsolutePath();
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        Runtime runtime = Runtime.getRuntime();
        machine.put("cores", runtime.availableProcessors());
        machine.put("max_heap_mb", runtime.maxMemory() >> 20);
        machine.put("java_version", System.getProperty("java.version"));
        machine.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memory_mb", os.getTotalMemorySize() >> 20);
        }
        machine.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        cpuModel().ifPresent(model -> machine.put("cpu", model));
        return machine;
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The scan failed, was cancelled or stalled. */
    static final class ScanNotCompleted extends RuntimeException {
        ScanNotCompleted(String message) {
            super(message);
        }
    }

    /** The parts one bench run starts, closed in reverse order. */
    private final class Run implements AutoCloseable {

        private final Path runDir;
        private final String stamp;
        private EmbeddedPostgresServer postgres;
        private EmbeddedKafkaBroker kafka;
        private HubSpotSimulator simulator;
        private Pipeline pipeline;

        Run(Path runDir, String stamp) {
            this.runDir = runDir;
            this.stamp = stamp;
        }

        BenchResult execute(Instant started, int budgetSeconds) throws InterruptedException, SQLException,
                IOException {
            Map<String, Object> machine = machine();
            Ports.requireFree(options.postgresPort(), "the embedded PostgreSQL", "--postgres-port=N");
            Ports.requireFree(options.kafkaPort(), "the embedded Kafka broker", "--kafka-port=N");
            postgres = steps.run("PostgreSQL  (embedded, localhost:" + options.postgresPort() + ")",
                    () -> EmbeddedPostgresServer.start(runDir.resolve("postgres"), options.postgresPort()));
            kafka = steps.run("Kafka       (embedded KRaft, localhost:" + options.kafkaPort() + ")",
                    () -> EmbeddedKafkaBroker.start(runDir.resolve("kafka"), options.kafkaPort()));

            // 1. Throughput: rate limits off in the simulator and the extractor.
            simulator = steps.run(String.format(Locale.ROOT, "HubSpot     (simulator, %,d deals, no rate limits)",
                    options.deals()), () -> HubSpotSimulator.start(
                            EmbeddedHubSpot.config(options.deals(), options.seed(), true)));
            pipeline = startPipeline(simulator, true);
            String eventsTopic = topic("etl.topics.scan-events", "hubspot.scan-events");
            String dealsTopic = topic("etl.topics.deals", "hubspot.deals");
            String dealsGroup = pipeline.property(Stage.LOADER, "etl.loader.deals-group-id");
            String rawTopic = topic("etl.topics.deals-raw", "hubspot.deals.raw");
            Optional<String> warmUpJobId = Optional.empty();
            Optional<LoaderAlone.Start> warmUpDealsStart = Optional.empty();
            if (warmUp()) {
                // The stages' code is compiled while it runs: time a second scan, not the JIT's work.
                String warmUpId = "bench-warmup-" + stamp;
                warmUpDealsStart = Optional.of(new LoaderAlone.Start(dealsGroup, dealsTopic,
                        CommittedOffsets.lastStable(kafka.bootstrapServers(), dealsTopic)));
                long warmUpStart = System.nanoTime();
                submit(warmUpId);
                out.printf(Locale.ROOT, "Warm-up scan %s submitted (the same deals; not measured)%n", warmUpId);
                ScanState warm = await(warmUpId, true);
                warmUpJobId = Optional.of(warm.jobId());
                out.printf(Locale.ROOT, "  %,d deals in %.1f s%n", warm.processedItems(),
                        (System.nanoTime() - warmUpStart) / 1e9);
            }
            String scanId = "bench-" + stamp;
            TransformerAlone.Start pagesStart = new TransformerAlone.Start(rawTopic,
                    CommittedOffsets.lastStable(kafka.bootstrapServers(), rawTopic));
            LoaderAlone.Start dealsStart;
            ScanState done;
            double seconds;
            long peakHeap;
            List<dev.hubspotetl.schemas.ScanEvent> events;
            OptionalDouble transformer;
            try (TopicObserver eventObserver = TopicObserver.events(kafka.bootstrapServers(), eventsTopic);
                 CommittedOffsets dealOffsets = CommittedOffsets.of(kafka.bootstrapServers(), dealsTopic)) {
                dealsStart = new LoaderAlone.Start(dealsGroup, dealsTopic, dealOffsets.baselineOffsets());
                System.gc();
                HeapPeak.reset();
                long start = System.nanoTime();
                submit(scanId);
                out.printf(Locale.ROOT, "Scan %s submitted (%,d deals listed, batch %d)%n", scanId,
                        simulator.dataset().activeDeals().size(), options.batchSize());
                done = await(scanId, true);
                seconds = (System.nanoTime() - start) / 1e9;
                peakHeap = HeapPeak.peakBytes();
                catchUp(eventObserver, dealOffsets, scanId, done);
                events = eventObserver.events();
                transformer = dealOffsets.grown() >= done.processedItems()
                        ? dealOffsets.rate(done.processedItems()) : OptionalDouble.empty();
            }
            OptionalDouble extractor = StageRates.extractor(events, scanId);
            OptionalDouble loader = StageRates.loader(events, scanId);
            double endToEnd = done.processedItems() / seconds;
            out.printf(Locale.ROOT, "  %,d deals in %.1f s: %,.0f deals/s end to end%n", done.processedItems(),
                    seconds, endToEnd);

            // 2. The database ceiling for the same rows and the loader alone over the same deals.
            LoaderVersusCeiling database = new LoaderVersusCeiling(postgres, runDir, steps, out);
            DatabaseCeiling.Export export = database.export(done.jobId());
            closePipeline(); // nobody may be connected to the database that is copied
            LoaderAlone.Deals loaderDeals = new LoaderAlone.Deals(done.jobId(), warmUpJobId,
                    warmUpDealsStart.orElse(dealsStart));
            LoaderVersusCeiling.Outcome measured = database.measure(export, loaderDeals, this::loaderCommand);
            StageResult transformerAlone = transformerAlone(pagesStart, done.processedItems());
            StageResult extractorAlone = extractorAlone(done.processedItems());

            // 3. HubSpot budget: HubSpot's real limits in the simulator, the extractor's default governor.
            Budget.Share share;
            long rateLimited;
            // The first window's burst plus budgetSeconds at 10 calls/s, and some 6 % more for the archived deals.
            long budgetCalls = Budget.LIMIT_CALLS + (long) budgetSeconds * Budget.LIMIT_CALLS * 1000
                    / Budget.WINDOW_MILLIS;
            int budgetDeals = (int) Math.min(5_000_000, budgetCalls * options.batchSize() * 106 / 100);
            simulator.close();
            simulator = steps.run(String.format(Locale.ROOT, "HubSpot     (simulator, %,d deals, 100 calls/10 s)",
                    budgetDeals), () -> HubSpotSimulator.start(
                            EmbeddedHubSpot.config(budgetDeals, options.seed(), false)));
            pipeline = startPipeline(simulator, false);
            List<Budget.Sample> samples = new ArrayList<>();
            HubSpotSimulator budgetSimulator = simulator;
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    synchronized (samples) {
                        samples.add(new Budget.Sample(System.currentTimeMillis(), budgetSimulator.stats().requests()));
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-budget-sampler");
            sampler.setDaemon(true);
            sampler.start();
            String budgetScan = "bench-budget-" + stamp;
            submit(budgetScan);
            out.printf(Locale.ROOT, "Scan %s submitted (%,d deals listed, HubSpot's rate limits)%n", budgetScan,
                    simulator.dataset().activeDeals().size());
            await(budgetScan, false);
            sampler.interrupt();
            sampler.join(5_000);
            synchronized (samples) {
                share = Budget.of(List.copyOf(samples));
            }
            rateLimited = simulator.stats().rateLimited();
            out.printf(Locale.ROOT, "  %d calls in the %.0f s after the first window, %d answers 429%n", share.calls(),
                    share.seconds(), rateLimited);

            return new BenchResult(started.toString(), machine, warmUp(), done.processedItems(), seconds, endToEnd,
                    extractor, transformer, loader, measured.loaderAlone().rate(), measured.ceiling(),
                    measured.ceilingRuns(), share.seconds(), share.calls(), share.share(),
                    OptionalLong.of(rateLimited), peakHeap, measured.loaderAlone().peakHeapBytes(),
                    transformerAlone.rate(), transformerAlone.peakHeapBytes(), extractorAlone.rate(),
                    extractorAlone.peakHeapBytes());
        }

        /** The extractor as its own process, scanning the same portal again (see {@link ExtractorAlone}). */
        private StageResult extractorAlone(long deals) {
            List<String> command = aloneCommand(Stage.EXTRACTOR, Optional.empty(),
                    Optional.of(new StageConfiguration.SimulatedHubSpot(simulator.baseUrl(),
                            EmbeddedHubSpot.CREDENTIAL_REF, simulator.config().token())), ExtractorAlone.properties());
            var request = ExtractorAlone.request("bench-alone-" + stamp, ORGANIZATION, EmbeddedHubSpot.CREDENTIAL_REF,
                    options.batchSize());
            return StageResult.measure(steps, out, "Extractor", "portal", () -> ExtractorAlone.run(
                    kafka.bootstrapServers(), request, deals, command, aloneLog(Stage.EXTRACTOR),
                    aloneHeap(Stage.EXTRACTOR)));
        }

        /** The transformer as its own process over the timed scan's raw pages (see {@link TransformerAlone}). */
        private StageResult transformerAlone(TransformerAlone.Start start, long deals) {
            List<String> command = aloneCommand(Stage.TRANSFORMER, Optional.empty(), Optional.empty(),
                    TransformerAlone.properties());
            return StageResult.measure(steps, out, "Transformer", "pages", () -> TransformerAlone.run(
                    kafka.bootstrapServers(), start, deals, command, aloneLog(Stage.TRANSFORMER),
                    aloneHeap(Stage.TRANSFORMER)));
        }

        /** The loader alone's command line, for the database copy at {@code url}. */
        private List<String> loaderCommand(String url) {
            return aloneCommand(Stage.LOADER, Optional.of(new StageConfiguration.Database(url, postgres.username(),
                    postgres.password())), Optional.empty(), Map.of());
        }

        /**
         * A stage-alone process's command line: the stage's local-mode properties (rate limits off), a data
         * directory of its own, then {@code own} (its topics and groups), in a {@value AloneProcess#HEAP} heap.
         */
        private List<String> aloneCommand(Stage stage, Optional<StageConfiguration.Database> database,
                                          Optional<StageConfiguration.SimulatedHubSpot> hubspot,
                                          Map<String, String> own) {
            StageConfiguration configuration = new StageConfiguration(benchFree(options.springProperties()),
                    Optional.of(kafka.bootstrapServers()), database, hubspot, true,
                    runDir.resolve(aloneName(stage)), 0, API_KEY, ORGANIZATION);
            Map<String, String> properties = new LinkedHashMap<>(configuration.propertiesFor(stage, user));
            properties.putAll(own);
            return StageLauncher.command(stage.name().toLowerCase(Locale.ROOT), List.of("-Xmx" + AloneProcess.HEAP,
                    "-XX:+ExitOnOutOfMemoryError"), aloneHeap(stage), properties);
        }

        private Path aloneHeap(Stage stage) {
            return runDir.resolve(aloneName(stage) + ".heap");
        }

        private Path aloneLog(Stage stage) {
            return runDir.resolve(aloneName(stage) + ".log");
        }

        private static String aloneName(Stage stage) {
            return stage.name().toLowerCase(Locale.ROOT) + "-alone";
        }

        private Pipeline startPipeline(HubSpotSimulator hubspot, boolean fast) {
            StageConfiguration configuration = new StageConfiguration(benchFree(options.springProperties()),
                    Optional.of(kafka.bootstrapServers()),
                    Optional.of(new StageConfiguration.Database(postgres.jdbcUrl(), postgres.username(),
                            postgres.password())),
                    Optional.of(new StageConfiguration.SimulatedHubSpot(hubspot.baseUrl(),
                            EmbeddedHubSpot.CREDENTIAL_REF, hubspot.config().token())),
                    fast, runDir, options.apiPort().orElse(0), API_KEY, ORGANIZATION);
            Pipeline started = Pipeline.create();
            pipeline = started;
            started.start(configuration, user, new Pipeline.Listener() {
                private long since;

                @Override
                public void starting(Stage stage) {
                    steps.begin(String.format(Locale.ROOT, "%-11s (%s)", stage.displayName(),
                            stage.applicationClass().getSimpleName()));
                    since = System.nanoTime();
                }

                @Override
                public void started(Stage stage) {
                    steps.end(since);
                }
            });
            return started;
        }

        private String topic(String property, String fallback) {
            String name = pipeline.property(Stage.LOADER, property);
            return name == null || name.isBlank() ? fallback : name;
        }

        private void submit(String scanId) {
            new ScanSubmitter(URI.create("http://localhost:" + pipeline.apiPort()), API_KEY)
                    .submit(scanId, EmbeddedHubSpot.CREDENTIAL_REF, options.batchSize());
        }

        /** Polls scan_jobs every 100 ms until the scan has finished; throws unless it completed. */
        private ScanState await(String scanId, boolean report) throws InterruptedException {
            ScanJobs jobs = new ScanJobs(pipeline.dataSource());
            long lastChange = System.currentTimeMillis();
            long lastDone = -1;
            long lastLine = System.currentTimeMillis();
            while (true) {
                Optional<ScanState> polled = jobs.find(scanId);
                long now = System.currentTimeMillis();
                if (polled.isPresent()) {
                    ScanState scan = polled.get();
                    if (scan.finished()) {
                        if (!scan.completed()) {
                            throw new ScanNotCompleted("scan " + scanId + " " + scan.status()
                                    + scan.errorMessage().map(m -> ": " + m).orElse(""));
                        }
                        return scan;
                    }
                    if (scan.done() + scan.totalItems() != lastDone) {
                        lastDone = scan.done() + scan.totalItems();
                        lastChange = now;
                    }
                    if (report && now - lastLine >= 5_000) {
                        out.printf(Locale.ROOT, "  extracted %,d  loaded %,d%n", scan.totalItems(),
                                scan.processedItems());
                        lastLine = now;
                    }
                }
                if (now - lastChange > STALL_MILLIS) {
                    throw new ScanNotCompleted("scan " + scanId + " made no progress for "
                            + STALL_MILLIS / 1000 + " s");
                }
                Thread.sleep(100);
            }
        }

        /** Waits (up to 15 s) until the observers have read everything the scan produced. */
        private void catchUp(TopicObserver events, CommittedOffsets deals, String scanId, ScanState done)
                throws InterruptedException {
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                boolean dealsIn = deals.grown() >= done.processedItems();
                boolean loadIn = events.events().stream().anyMatch(e -> scanId.equals(e.getScanId())
                        && e.getType() == dev.hubspotetl.schemas.ScanEventType.LOAD_PROGRESS
                        && e.getProcessedItems() != null && e.getProcessedItems() >= done.processedItems());
                if (dealsIn && loadIn) {
                    return;
                }
                Thread.sleep(100);
            }
            log.warn("The bench's observers did not catch up: {} deal offsets, {} events", deals.grown(),
                    events.events().size());
        }

        private void closePipeline() {
            if (pipeline != null) {
                Pipeline closing = pipeline;
                pipeline = null;
                try {
                    closing.close();
                } catch (RuntimeException e) {
                    log.error("A stage did not stop cleanly", e);
                }
            }
        }

        @Override
        public void close() {
            closePipeline();
            closeQuietly("the simulator", simulator);
            closeQuietly("Kafka", kafka);
            closeQuietly("PostgreSQL", postgres);
        }

        private void closeQuietly(String what, AutoCloseable part) {
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception e) {
                log.error("{} did not stop cleanly", what, e);
            }
        }
    }

    /** The user's properties without the bench's own. */
    private static Map<String, String> benchFree(Map<String, String> properties) {
        Map<String, String> stages = new LinkedHashMap<>(properties);
        stages.keySet().removeIf(name -> name.startsWith("bench."));
        return stages;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    // left behind; reported below
                }
            });
        } catch (IOException e) {
            log.warn("Cannot delete {}", dir, e);
        }
    }
}
