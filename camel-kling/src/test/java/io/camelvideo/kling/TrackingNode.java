package io.camelvideo.kling;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One application instance for the tracking tests: a Camel context with a kling component on a given ledger. */
final class TrackingNode implements AutoCloseable {

    /** What every node delivered: task id → the CamelFileName of each delivery. */
    static final class Deliveries {
        final Map<String, List<String>> byTask = new ConcurrentHashMap<>();

        void add(String taskId, String fileName) {
            byTask.computeIfAbsent(taskId, id -> new CopyOnWriteArrayList<>()).add(fileName);
        }

        int total() {
            return byTask.values().stream().mapToInt(List::size).sum();
        }
    }

    final CamelContext context;
    final ProducerTemplate template;
    final AtomicInteger deliveredHere = new AtomicInteger();

    TrackingNode(Emulator emulator, Consumer<KlingComponent> ledger, Deliveries deliveries, boolean consume) throws Exception {
        this(emulator, ledger, deliveries, consume, 0);
    }

    /** @param routeMillis how long the delivery route works on each task (a file written to a slow store) */
    TrackingNode(Emulator emulator, Consumer<KlingComponent> ledger, Deliveries deliveries, boolean consume, long routeMillis)
            throws Exception {
        context = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        KlingConfiguration config = kling.getConfiguration();
        config.setBaseUrl(emulator.baseUrl());
        config.setAccessKey(EmulatorSettings.DEFAULT_ACCESS_KEY);
        config.setSecretKey(EmulatorSettings.DEFAULT_SECRET_KEY);
        config.setPollInterval(100);
        config.setMaxPollInterval(300);
        kling.setLedgerLease(10_000);
        ledger.accept(kling);
        context.addComponent("kling", kling);
        if (consume) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kling:text2video?delay=20").process(exchange -> {
                        if (routeMillis > 0) {
                            Thread.sleep(routeMillis);
                        }
                        deliveries.add(exchange.getMessage().getHeader(KlingConstants.TASK_ID, String.class),
                                exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
                        deliveredHere.incrementAndGet();
                    });
                }
            });
        }
        context.start();
        template = context.createProducerTemplate();
    }

    /** Submits a text2video task with a CamelFileName correlation header. */
    String submit(String fileName) {
        Exchange out = template.send("kling:text2video", exchange -> {
            exchange.getMessage().setBody("prompt of " + fileName);
            exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName);
        });
        if (out.getException() != null) {
            throw new AssertionError(out.getException());
        }
        return out.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
    }

    /** True once the ledger has {@code delivered} delivered tasks and none left to check or offer (no delivery can follow). */
    boolean ledgerSettled(long delivered) {
        var counts = context.getComponent("kling", KlingComponent.class).ledger().counts("kling:text2video");
        return counts.get(io.camelvideo.task.ledger.TrackedTask.State.DELIVERED) == delivered
                && counts.get(io.camelvideo.task.ledger.TrackedTask.State.FINISHED) == 0
                && counts.get(io.camelvideo.task.ledger.TrackedTask.State.PENDING) == 0;
    }

    @Override
    public void close() {
        context.stop();
    }
}
