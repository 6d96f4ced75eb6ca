package io.camelvideo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.kling.KlingComponent;
import io.camelvideo.kling.KlingConfiguration;
import io.camelvideo.kling.api.KlingJwtCredentials;
import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The performance figures of docs/performance.md, against the emulator in its own JVM:
 * <ol>
 *   <li>N concurrent {@code waitForCompletion} exchanges: peak threads, heap per waiting task,
 *       requests per task, completion latency; next to (a) a thread per task with a fixed sleep and
 *       (b) a Camel {@code http:} + {@code loop}/{@code delay} route.</li>
 *   <li>The consumer over N tracked tasks: status requests per task (list batching).</li>
 *   <li>Submission throughput and the producer's CPU per create.</li>
 *   <li>A download (200 MB, {@code --download-mb}) into the spool file, then to a file: MB/s and heap growth.</li>
 * </ol>
 * Task durations are drawn from {@code 13 s × [1 − spread, 1 + spread]} (the emulator's {@code durationSpread},
 * the same draws for every contender), so no poller lines up with the tasks by luck. With {@code --runs R}
 * each waits configuration runs R times and a summary gives min / median / max.
 * Usage: {@code java -jar benchmarks/target/benchmarks.jar [--sizes 100,1000,10000] [--baseline-max 10000]
 * [--only download,throughput,consumer,ledger,waits] [--runs 1] [--spread 0.5] [--download-mb 200] [--creates 10000]
 * [--ledger-tasks 20000] [--jdbc-url URL --jdbc-user U --jdbc-password P]}.
 */
public final class KlingBenchmark {

    static final String AK = "emulator-access-key";
    static final String SK = "emulator-secret-key";
    /** The baselines' fixed sleep between status GETs. */
    static final long POLL_MILLIS = 1_000;
    /**
     * The component's {@code pollInterval}: with 10 or more tasks of a kind waiting it sweeps them all with list
     * pages at this interval (cost per page of 500, not per task), so it can afford half the baselines' interval.
     */
    static final long COMPONENT_POLL_MILLIS = 400;
    static final double SPEED = 5; // a task takes 65 s / 5 = 13 s

    /** One configuration's run; {@code latencies} sorted, for the latency distribution chart. */
    record Result(String client, int n, long threads, double heapKbPerTask, double requestsPerTask, long p50, long p99,
                  double seconds, List<Long> latencies) {
    }

    private KlingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(option(args, "--sizes", "100,1000,10000").split(",")).mapToInt(Integer::parseInt).toArray();
        int baselineMax = Integer.parseInt(option(args, "--baseline-max", "10000"));
        Path jar = Path.of(option(args, "--emulator-jar", "emulator/target/kling-legnext-emulator.jar"));
        Path chart = Path.of(option(args, "--chart", "docs/performance-chart.svg"));
        List<String> only = List.of(option(args, "--only", "download,throughput,consumer,ledger,waits").split(","));
        int runs = Integer.parseInt(option(args, "--runs", "1"));
        double spread = Double.parseDouble(option(args, "--spread", "0.5"));
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        List<Result> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "task durations: 13 s × [%.2f, %.2f] (durationSpread %.2f); %d run(s) per configuration%n",
                1 - spread, 1 + spread, spread, runs);
        try (EmulatorProcess emulator = new EmulatorProcess(jar, SPEED)) {
            emulator.settings("{\"durationSpread\":" + spread + "}");
            if (only.contains("download")) {
                download(emulator, Long.parseLong(option(args, "--download-mb", "200")) * 1024 * 1024);
            }
            if (only.contains("throughput")) {
                throughput(emulator, Integer.parseInt(option(args, "--creates", "10000")));
            }
            if (only.contains("consumer")) {
                consumerBatching(emulator, 1_000);
            }
            if (only.contains("ledger")) {
                String url = option(args, "--jdbc-url", System.getenv("PG_JDBC_URL"));
                if (url == null) {
                    System.out.println("shared ledger: skipped (give --jdbc-url, --jdbc-user and --jdbc-password, or PG_JDBC_URL, "
                            + "PGUSER and PGPASSWORD)");
                } else {
                    new SharedLedgerBenchmark(emulator, url, option(args, "--jdbc-user", System.getenv("PGUSER")),
                            option(args, "--jdbc-password", System.getenv("PGPASSWORD")))
                            .run(Integer.parseInt(option(args, "--ledger-tasks", "20000")));
                }
            }
            for (int n : only.contains("waits") ? sizes : new int[0]) {
                for (int run = 0; run < runs; run++) {
                    results.add(componentWaits(emulator, n, false));
                    results.add(componentWaits(emulator, n, true));
                    if (n <= baselineMax) {
                        results.add(threadPerTask(emulator, n));
                        results.add(camelHttpLoop(emulator, n));
                    }
                }
            }
            System.out.println();
            System.out.println("| client | N | peak extra threads | heap per waiting task | requests per task | latency p50 | latency p99 | wall time |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.2f KB | %.2f | %,d ms | %,d ms | %.1f s |%n", r.client(), r.n(),
                        r.threads(), r.heapKbPerTask(), r.requestsPerTask(), r.p50(), r.p99(), r.seconds());
            }
        }
        if (runs > 1) {
            printSpread(results);
        }
        if (!results.isEmpty()) {
            Charts.write(chart, medians(results));
            Path latencyChart = chart.resolveSibling(chart.getFileName().toString().replace(".svg", "") + "-latency.svg");
            Charts.writeLatencies(latencyChart, medians(results));
            System.out.println("charts: " + chart.toAbsolutePath() + ", " + latencyChart.toAbsolutePath());
        }
    }

    /** Per client and N over the runs: min / median / max of every figure. */
    static void printSpread(List<Result> results) {
        System.out.println();
        System.out.println("| client | N | runs | extra threads | heap per waiting task (KB) | requests per task | latency p50 (ms) | latency p99 (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        results.stream().collect(java.util.stream.Collectors.groupingBy(KlingBenchmark::configuration,
                java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())).values().forEach(group -> {
                    Result first = group.get(0);
                    List<String> failed = group.stream().map(r -> r.client().replaceAll(".*\\((\\d+) failed\\).*|.*", "$1"))
                            .map(count -> count.isEmpty() ? "0" : count).toList();
                    String client = FAILED.matcher(first.client()).replaceAll("")
                            + (failed.stream().allMatch("0"::equals) ? "" : " (failed per run: " + String.join(", ", failed) + ")");
                    System.out.printf(Locale.ROOT, "| %s | %,d | %d | %s | %s | %s | %s | %s |%n", client, first.n(), group.size(),
                            spread(group, Result::threads, "%.0f"), spread(group, Result::heapKbPerTask, "%.1f"),
                            spread(group, Result::requestsPerTask, "%.2f"), spread(group, Result::p50, "%,.0f"),
                            spread(group, Result::p99, "%,.0f"));
                });
    }

    /** A result's client and N, without the run's failure count (the same configuration in every run). */
    private static String configuration(Result result) {
        return FAILED.matcher(result.client()).replaceAll("") + "|" + result.n();
    }

    private static final java.util.regex.Pattern FAILED = java.util.regex.Pattern.compile(" \\(\\d+ failed\\)");

    private static String spread(List<Result> group, java.util.function.ToDoubleFunction<Result> figure, String format) {
        double[] values = group.stream().mapToDouble(figure).sorted().toArray();
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, values[0], values[values.length / 2],
                values[values.length - 1]);
    }

    /** One result per client and N for the chart: the run with the median p50. */
    static List<Result> medians(List<Result> results) {
        List<Result> medians = new ArrayList<>();
        results.stream().collect(java.util.stream.Collectors.groupingBy(KlingBenchmark::configuration,
                java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())).values().forEach(group -> {
                    List<Result> sorted = new ArrayList<>(group);
                    sorted.sort(java.util.Comparator.comparingLong(Result::p50));
                    medians.add(sorted.get(sorted.size() / 2));
                });
        return medians;
    }

    /**
     * Our component: N exchanges waiting at once, parked with the account's poller; with {@code webhooks}, the
     * emulator also posts each task's end to a platform-http route, confirmed with one GET.
     */
    static Result componentWaits(EmulatorProcess emulator, int n, boolean webhooks) throws Exception {
        emulator.reset();
        CamelContext context = webhooks ? webhookContext(emulator) : context(emulator);
        AsyncSender sender = new AsyncSender(context, "kling:text2video?waitForCompletion=true&trackTasks=false");
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = Samplers.settledHeap();
        long[] received = new long[n];
        List<CompletableFuture<Exchange>> waits = new ArrayList<>(n);
        long start = System.nanoTime();
        long heapWaiting;
        try (Samplers samplers = new Samplers(); sender) {
            for (int i = 0; i < n; i++) {
                int index = i;
                waits.add(sender.send(e -> e.getMessage().setBody("fox " + index))
                        .whenComplete((e, error) -> received[index] = System.currentTimeMillis()));
            }
            heapWaiting = Samplers.settledHeap();
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> latencies = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Exchange exchange = waits.get(i).get();
                if (exchange.getException() != null) {
                    throw new IllegalStateException("a wait failed", exchange.getException());
                }
                latencies.add(received[i] - exchange.getMessage().getBody(KlingTask.class).updatedAt());
            }
            long posts = emulator.posts();
            if (posts != n) {
                throw new IllegalStateException(n + " waits made " + posts + " creates: a task was paid twice or never made");
            }
            long requests = emulator.gets() + posts;
            long queries = emulator.gets() - emulator.pageGets();
            context.stop();
            System.out.printf(Locale.ROOT, "%s waits at N = %,d: %,d single-task GETs (%.3f per task), %,d list pages%s%n",
                    webhooks ? "webhook" : "polling", n, queries, (double) queries / n, emulator.pageGets(),
                    webhooks ? "; callbacks sent, per answer status: " + emulator.callbacks() : "");
            return new Result(webhooks ? "camel-kling waitForCompletion + webhooks" : "camel-kling waitForCompletion", n, samplers.peakThreads() - threadsBefore,
                    (heapWaiting - heapBefore) / 1024.0 / n, (double) requests / n, percentile(latencies, 50),
                    percentile(latencies, 99), seconds, sorted(latencies));
        }
    }

    /** Baseline (a): one thread per task, a fixed sleep between status GETs (what most peer clients do). */
    static Result threadPerTask(EmulatorProcess emulator, int n) throws Exception {
        emulator.reset();
        HttpClient http = HttpClient.newHttpClient();
        KlingJwtCredentials jwt = new KlingJwtCredentials(AK, SK);
        ObjectMapper mapper = new ObjectMapper();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = Samplers.settledHeap();
        long[] latencies = new long[n];
        CountDownLatch done = new CountDownLatch(n);
        CountDownLatch allStarted = new CountDownLatch(n);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        long heapWaiting;
        try (Samplers samplers = new Samplers()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                Thread thread = new Thread(null, () -> {
                    try {
                        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                                        URI.create(emulator.baseUrl() + "/v1/videos/text2video"))
                                .header("Authorization", jwt.authorization()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"fox " + index + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        String id = mapper.readTree(created.body()).at("/data/task_id").asText();
                        allStarted.countDown();
                        while (true) {
                            Thread.sleep(POLL_MILLIS);
                            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                                            URI.create(emulator.baseUrl() + "/v1/videos/text2video/" + id))
                                    .header("Authorization", jwt.authorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
                            JsonNode data = mapper.readTree(status.body()).path("data");
                            String state = data.path("task_status").asText();
                            if ("succeed".equals(state) || "failed".equals(state)) {
                                latencies[index] = System.currentTimeMillis() - data.path("updated_at").asLong();
                                break;
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        allStarted.countDown();
                    } finally {
                        done.countDown();
                    }
                }, "naive-" + i, 256 * 1024);
                thread.start();
            }
            allStarted.await(5, TimeUnit.MINUTES);
            heapWaiting = Samplers.settledHeap();
            done.await(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = emulator.gets() + emulator.posts();
            List<Long> sorted = new ArrayList<>(Arrays.stream(latencies).boxed().toList());
            return new Result("(a) thread per task + sleep" + (failures.get() > 0 ? " (" + failures.get() + " failed)" : ""), n,
                    samplers.peakThreads() - threadsBefore, (heapWaiting - heapBefore) / 1024.0 / n, (double) requests / n,
                    percentile(sorted, 50), percentile(sorted, 99), seconds, sorted(sorted));
        }
    }

    /** Baseline (b): what a Camel user writes without the component: http: + loop/delay (gateway key, raw answers). */
    static Result camelHttpLoop(EmulatorProcess emulator, int n) throws Exception {
        emulator.reset();
        CamelContext context = new DefaultCamelContext();
        String base = emulator.baseUrl() + "/raw/kling/v1/videos/text2video";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:naive").routeId("naive")
                        .setHeader("Authorization", constant("Bearer emulator-kling-api-key"))
                        .setHeader("Content-Type", constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setBody(simple("{\"prompt\":\"${body}\"}"))
                        .to(base)
                        .setProperty("taskId", jsonpath("$.data.task_id"))
                        .setProperty("status", constant("submitted"))
                        .loopDoWhile(simple("${exchangeProperty.status} != 'succeed' && ${exchangeProperty.status} != 'failed'"))
                            .delay(POLL_MILLIS)
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setBody(constant(null))
                            .toD(base + "/${exchangeProperty.taskId}")
                            .setProperty("status", jsonpath("$.data.task_status"))
                            .setProperty("updatedAt", jsonpath("$.data.updated_at"))
                        .end();
            }
        });
        context.start();
        AsyncSender sender = new AsyncSender(context, "direct:naive");
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = Samplers.settledHeap();
        long[] received = new long[n];
        List<CompletableFuture<Exchange>> runs = new ArrayList<>(n);
        long start = System.nanoTime();
        long heapWaiting;
        try (Samplers samplers = new Samplers(); sender) {
            for (int i = 0; i < n; i++) {
                int index = i;
                runs.add(sender.send(e -> e.getMessage().setBody("fox " + index))
                        .whenComplete((e, error) -> received[index] = System.currentTimeMillis()));
            }
            heapWaiting = Samplers.settledHeap();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(20, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> latencies = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < n; i++) {
                Exchange exchange = runs.get(i).get();
                if (exchange.getException() != null) {
                    failed++;
                    continue;
                }
                latencies.add(received[i] - Long.parseLong(exchange.getProperty("updatedAt").toString()));
            }
            long requests = emulator.gets() + emulator.posts();
            context.stop();
            return new Result("(b) Camel http: + loop/delay" + (failed > 0 ? " (" + failed + " failed)" : ""), n,
                    samplers.peakThreads() - threadsBefore, (heapWaiting - heapBefore) / 1024.0 / n, (double) requests / n,
                    percentile(latencies, 50), percentile(latencies, 99), seconds, sorted(latencies));
        }
    }

    /** The consumer over N tracked tasks of one kind: status requests per task with list batching. */
    static void consumerBatching(EmulatorProcess emulator, int n) throws Exception {
        emulator.reset();
        CamelContext context = context(emulator);
        AtomicInteger delivered = new AtomicInteger();
        java.util.Set<String> deliveredIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=200&maxMessagesPerPoll=1000").routeId("consumer").autoStartup(false)
                        .process(e -> {
                            delivered.incrementAndGet();
                            deliveredIds.add(e.getMessage().getHeader("CamelKlingTaskId", String.class));
                        });
            }
        });
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> creates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            creates.add(template.asyncSend("kling:text2video", e -> e.getMessage().setBody("fox " + index)));
        }
        CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        long postsDone = emulator.posts();
        context.getRouteController().startRoute("consumer");
        long start = System.nanoTime();
        while (delivered.get() < n && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(100);
        }
        long gets = emulator.gets();
        context.stop();
        if (delivered.get() != n || deliveredIds.size() != n || postsDone != n) {
            throw new IllegalStateException(n + " tracked tasks: " + postsDone + " creates, " + delivered.get() + " deliveries of "
                    + deliveredIds.size() + " distinct tasks (each must be exactly " + n + ")");
        }
        System.out.printf(Locale.ROOT, "consumer over %,d tracked tasks: %,d delivered, %,d status requests = %.3f per task "
                + "(list batching; one query per check would be at least 1 per task), %,d creates%n", n, delivered.get(), gets,
                (double) gets / n, postsDone);
    }

    /**
     * Submission throughput with connection reuse, and the process CPU per create. The creates are sent
     * as a route sends them (no ProducerTemplate thread per exchange), and an exchange is let go once it
     * has its answer, as a route lets it go.
     */
    static void throughput(EmulatorProcess emulator, int n) throws Exception {
        // warm-up: the same asynchronous burst, each in a context of its own (stopped after it, so its tasks'
        // watches do not weigh on the timed run), until the JIT has (nearly) finished compiling the create path
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int burst = 1; burst <= 5; burst++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long began = System.nanoTime();
            emulator.reset();
            CamelContext warmUp = context(emulator);
            try (AsyncSender sender = new AsyncSender(warmUp, "kling:text2video?trackTasks=false")) {
                createBurst(sender, n, "warm-up " + burst + " ");
            } finally {
                warmUp.stop();
            }
            long compiling = jit.getTotalCompilationTime() - compiledBefore;
            long took = (System.nanoTime() - began) / 1_000_000;
            if (compiling * 20 < took) {
                break; // compiling took under 5 % of the burst: warm
            }
        }
        emulator.reset();
        CamelContext context = context(emulator);
        try (AsyncSender sender = new AsyncSender(context, "kling:text2video?trackTasks=false")) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            double emulatorCpuBefore = emulator.cpuMillis();
            long compiledBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            createBurst(sender, n, "fox ");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6;
            double emulatorCpuMillis = emulator.cpuMillis() - emulatorCpuBefore;
            // both JVMs share the machine's cores: the emulator's CPU per create bounds the rate as much as the client's
            System.out.printf(Locale.ROOT, "throughput: %,d creates in %.2f s = %.0f creates/s; client CPU %.2f ms per create"
                    + " (%,d ms of it compiling); emulator CPU %.2f ms per create, on the same %d cores%n", n, seconds,
                    n / seconds, cpuMillis / n, jit.getTotalCompilationTime() - compiledBefore, emulatorCpuMillis / n,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            context.stop();
        }
    }

    /** Sends {@code n} creates at once and waits for every answer; fails if one failed. */
    private static void createBurst(AsyncSender sender, int n, String prompt) throws Exception {
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(n);
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < n; i++) {
            String body = prompt + i;
            sender.send(e -> e.getMessage().setBody(body)).whenComplete((exchange, error) -> {
                if (exchange.getException() != null) {
                    failed.compareAndSet(null, exchange.getException());
                }
                answered.countDown();
            });
        }
        if (!answered.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("creates still unanswered after 5 minutes: " + answered.getCount());
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a create failed", failed.get());
        }
    }

    /** A large download streamed to a file: heap growth and MB/s. */
    static void download(EmulatorProcess emulator, long bytes) throws Exception {
        emulator.reset();
        emulator.settings("{\"videoPaddingBytes\":" + bytes + ",\"speed\":1000}");
        CamelContext context = context(emulator);
        Path dir = Files.createTempDirectory("bench-download");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("kling:text2video?operation=download")
                        .process(e -> e.setProperty("spooledAt", System.nanoTime()))
                        .to("file:" + dir);
            }
        });
        ProducerTemplate template = context.createProducerTemplate();
        Exchange made = template.request("kling:text2video?waitForCompletion=true&trackTasks=false", e -> e.getMessage().setBody("long"));
        String taskId = made.getMessage().getBody(KlingTask.class).taskId();
        long heapBefore = Samplers.settledHeap();
        long start = System.nanoTime();
        try (Samplers samplers = new Samplers()) {
            Exchange out = template.request("direct:download", e -> e.getMessage().setHeader("CamelKlingTaskId", taskId));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (out.getException() != null) {
                throw out.getException();
            }
            long size = Files.size(dir.resolve(taskId + ".mp4"));
            double spooled = (out.getProperty("spooledAt", Long.class) - start) / 1e9;
            System.out.printf(Locale.ROOT, "download: %,d MB into the spool file in %.2f s = %.0f MB/s; then to(\"file:\") too:"
                            + " %.2f s = %.0f MB/s; peak heap growth %.1f MB%n", size >> 20, spooled, (size >> 20) / spooled,
                    seconds, (size >> 20) / seconds, (samplers.peakHeap() - heapBefore) / 1048576.0);
            Files.delete(dir.resolve(taskId + ".mp4"));
        }
        emulator.settings("{\"videoPaddingBytes\":0,\"speed\":" + SPEED + "}");
        context.stop();
    }

    static CamelContext context(EmulatorProcess emulator) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("kling", kling(emulator, COMPONENT_POLL_MILLIS, 2 * COMPONENT_POLL_MILLIS));
        context.start();
        return context;
    }

    /**
     * Callbacks on: platform-http (Vert.x) on a free loopback port routed to the receiver bean; polling stays
     * as the fallback at the default 5 s, for callbacks that never come.
     */
    static CamelContext webhookContext(EmulatorProcess emulator) throws Exception {
        CamelContext context = new DefaultCamelContext();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KlingComponent kling = kling(emulator, 5_000, 30_000);
        kling.setWebhookUrl("http://127.0.0.1:" + port + "/webhooks/kling");
        kling.setWebhookVerifyToken("benchmark-webhook-token");
        context.addComponent("kling", kling);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/webhooks/kling/{token}?httpMethodRestrict=POST").process("klingWebhookReceiver");
            }
        });
        context.start();
        return context;
    }

    static KlingComponent kling(EmulatorProcess emulator, long pollMillis, long maxPollMillis) {
        KlingComponent kling = new KlingComponent();
        KlingConfiguration config = kling.getConfiguration();
        config.setBaseUrl(emulator.baseUrl());
        config.setAccessKey(AK);
        config.setSecretKey(SK);
        config.setPollInterval(pollMillis);
        config.setMaxPollInterval(maxPollMillis);
        config.setMaxRetries(8);
        config.setCompletionTimeout(600_000);
        // a route that hands over 100,000 creates at once: more than the default queue of 50,000 may wait
        // while the parallel-task window opens
        kling.setMaxQueuedCreates(250_000);
        return kling;
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted;
    }

    static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String option(String[] args, String name, String defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
