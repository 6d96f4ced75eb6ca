package io.camelvideo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples live threads and used heap every 10 ms while a scenario runs (BENCH_DEBUG=1 prints the thread names at each new peak). */
final class Samplers implements AutoCloseable {

    private final AtomicLong peakThreads = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    Samplers() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
            while (running) {
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                if (threads > peakThreads.get() && System.getenv("BENCH_DEBUG") != null) {
                    java.util.Map<String, Long> names = new java.util.TreeMap<>();
                    Thread.getAllStackTraces().keySet().forEach(t -> names.merge(t.getName().replaceAll("[0-9]+", "#"), 1L, Long::sum));
                    System.err.println("peak " + threads + ": " + names);
                }
                peakThreads.accumulateAndGet(threads, Math::max);
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakThreads() {
        return peakThreads.get();
    }

    long peakHeap() {
        return peakHeap.get();
    }

    /** Used heap after a full collection. */
    static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
