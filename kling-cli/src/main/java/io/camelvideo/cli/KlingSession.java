package io.camelvideo.cli;

import io.camelvideo.kling.KlingComponent;
import io.camelvideo.kling.KlingConfiguration;
import io.camelvideo.kling.KlingConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.TimeUtils;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived Camel context with a {@code kling} component configured from the environment: the
 * CLI sends its requests through the component, so it has the component's validation, retries,
 * safe submits, waiting and downloads — no HTTP code of its own.
 *
 * <p>Environment: {@code KLING_ACCESS_KEY} + {@code KLING_SECRET_KEY} (official API, JWT), or
 * {@code KLING_API_KEY} (a gateway's Bearer key); {@code KLING_BASE_URL}; {@code KLING_PATH_PREFIX}
 * (default {@code /v1}, or {@code /kling/v1} with an API key); {@code KLING_POLL_INTERVAL} (default 5s).
 */
final class KlingSession implements AutoCloseable {

    private static final String DOWNLOAD = "direct:kling-cli-download";
    /** The {@code statusUpdateUri} of waits: each status change of the waited task is shown. */
    private static final String PROGRESS = "direct:kling-cli-progress";
    static final String URI_HEADER = "KlingCliUri";
    static final String OUTPUT_HEADER = "KlingCliOutput";
    /** Whether stderr is a terminal (a live line) rather than a pipe or a file (a line per status change). */
    private static final boolean TERMINAL = System.console() != null;

    private final CamelContext context;
    private final ProducerTemplate template;
    private volatile ProgressDisplay display;

    KlingSession(Map<String, String> env) throws Exception {
        context = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        KlingConfiguration config = kling.getConfiguration();
        String apiKey = env.get("KLING_API_KEY");
        if (apiKey != null && !apiKey.isBlank()) {
            config.setApiKey(apiKey);
            config.setPathPrefix(env.getOrDefault("KLING_PATH_PREFIX", "/kling/v1"));
        } else if (env.get("KLING_ACCESS_KEY") != null && env.get("KLING_SECRET_KEY") != null) {
            config.setAccessKey(env.get("KLING_ACCESS_KEY"));
            config.setSecretKey(env.get("KLING_SECRET_KEY"));
            config.setPathPrefix(env.getOrDefault("KLING_PATH_PREFIX", "/v1"));
        } else {
            throw new CliException("missing_credentials", "Set KLING_ACCESS_KEY and KLING_SECRET_KEY (official API), "
                    + "or KLING_API_KEY and KLING_BASE_URL (a gateway)");
        }
        if (env.get("KLING_BASE_URL") != null) {
            config.setBaseUrl(env.get("KLING_BASE_URL"));
        }
        config.setPollInterval(pollInterval(env.getOrDefault("KLING_POLL_INTERVAL", "5s")));
        config.setMaxPollInterval(Math.max(config.getPollInterval(), config.getMaxPollInterval()));
        config.setTrackTasks(false);
        context.addComponent("kling", kling);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the download is spooled and deleted when its exchange completes: copy it out inside the route
                from(DOWNLOAD).toD("${header." + URI_HEADER + "}").process(exchange -> {
                    Path target = Path.of(exchange.getMessage().getHeader(OUTPUT_HEADER, String.class));
                    try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                });
                from(PROGRESS).process(exchange -> {
                    ProgressDisplay shown = display;
                    if (shown != null) {
                        shown.update(exchange.getMessage().getHeader(KlingConstants.TASK_ID, String.class),
                                exchange.getMessage().getHeader(KlingConstants.TASK_STATUS, String.class),
                                exchange.getMessage().getHeader(KlingConstants.PROGRESS, String.class));
                    }
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    /** Sends to a kling endpoint; with {@code progress}, shows the wait's progress on it until the answer. */
    Exchange request(String uri, Object body, Map<String, Object> headers, PrintStream progress) throws Exception {
        CompletableFuture<Exchange> answer = template.asyncSend(withUpdates(uri, progress), exchange -> {
            exchange.getMessage().setBody(body);
            headers.forEach(exchange.getMessage()::setHeader);
        });
        return await(answer, progress);
    }

    /** Downloads a task's file to {@code output}. */
    Exchange download(String uri, Map<String, Object> headers, Path output, PrintStream progress) throws Exception {
        CompletableFuture<Exchange> answer = template.asyncSend(DOWNLOAD, exchange -> {
            headers.forEach(exchange.getMessage()::setHeader);
            exchange.getMessage().setHeader(URI_HEADER, withUpdates(uri, progress));
            exchange.getMessage().setHeader(OUTPUT_HEADER, output.toString());
        });
        return await(answer, progress);
    }

    /** KLING_POLL_INTERVAL, read before any call (a bad one must not fail a wait after a paid submit). */
    private static long pollInterval(String text) {
        try {
            long millis = TimeUtils.toMilliSeconds(text);
            if (millis > 0) {
                return millis;
            }
        } catch (RuntimeException notADuration) {
            // the message below says what is expected
        }
        throw new CliException("invalid_argument", "KLING_POLL_INTERVAL must be a positive duration such as 5s, 500ms or 1m"
                + " (was '" + text + "')");
    }

    private static String withUpdates(String uri, PrintStream progress) {
        return progress != null && uri.contains("waitForCompletion=true") ? uri + "&statusUpdateUri=" + PROGRESS : uri;
    }

    private Exchange await(CompletableFuture<Exchange> answer, PrintStream progress) throws Exception {
        if (progress == null) {
            return answer.get();
        }
        ProgressDisplay shown = new ProgressDisplay(progress, TERMINAL);
        display = shown;
        shown.started();
        try {
            while (true) {
                try {
                    return answer.get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    shown.tick();
                }
            }
        } finally {
            display = null;
            shown.finished();
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
