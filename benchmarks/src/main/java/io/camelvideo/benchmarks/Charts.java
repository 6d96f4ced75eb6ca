package io.camelvideo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Writes the benchmark's charts as SVG: requests per task, peak threads and heap per waiting task against N
 * (one line per client), and the latency distribution of each client at N = 10,000 (else the largest N).
 */
final class Charts {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd"};

    private Charts() {
    }

    static void write(Path file, List<KlingBenchmark.Result> results) throws IOException {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1340\" height=\"460\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"1340\" height=\"460\" fill=\"white\"/>\n");
        panel(svg, results, 40, "HTTP requests per task, create included (log scale)", KlingBenchmark.Result::requestsPerTask, -2);
        panel(svg, results, 480, "Peak extra threads while waiting (log scale)", r -> Math.max(1, r.threads()), 0);
        panel(svg, results, 920, "Heap per waiting task, KB (log scale)", r -> Math.max(0.1, r.heapKbPerTask()), -1);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg.append("</svg>\n"));
    }

    private static void panel(StringBuilder svg, List<KlingBenchmark.Result> results, int x0, String title,
                              ToDoubleFunction<KlingBenchmark.Result> value, double logMin) {
        int width = 380;
        int height = 260;
        int y0 = 60;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"30\" font-size=\"14\">%s</text>%n", x0, title));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                x0, y0, width, height));
        TreeSet<Integer> sizes = new TreeSet<>();
        results.forEach(r -> sizes.add(r.n()));
        double max = results.stream().mapToDouble(value).max().orElse(1);
        double logMax = Math.log10(Math.max(10, max)) + 0.2;
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        List<Integer> ordered = List.copyOf(sizes);
        for (KlingBenchmark.Result r : results) {
            String client = r.client().replaceAll(" \\(.*failed\\)", "");
            int column = ordered.indexOf(r.n());
            double x = x0 + 30 + column * (width - 60.0) / Math.max(1, ordered.size() - 1);
            double v = Math.max(Math.pow(10, logMin), value.applyAsDouble(r));
            double y = y0 + height - (Math.log10(v) - logMin) / (logMax - logMin) * height;
            lines.computeIfAbsent(client, c -> new StringBuilder()).append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        int i = 0;
        for (Map.Entry<String, StringBuilder> line : lines.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    line.getValue().toString().trim(), colour));
            for (String point : line.getValue().toString().trim().split(" ")) {
                String[] xy = point.split(",");
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", xy[0], xy[1], colour));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", x0 + 5, y0 + height + 40 + i * 15,
                    colour, line.getKey()));
            i++;
        }
        for (int column = 0; column < ordered.size(); column++) {
            double x = x0 + 30 + column * (width - 60.0) / Math.max(1, ordered.size() - 1);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">N=%,d</text>%n", x, y0 + height + 15,
                    ordered.get(column)));
        }
        for (int exponent = (int) logMin; exponent <= (int) Math.floor(logMax); exponent++) {
            double y = y0 + height - (exponent - logMin) / (logMax - logMin) * height;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s</text>%n", x0 - 4, y + 4,
                    exponent < 0 ? String.format(Locale.ROOT, "%.2f", Math.pow(10, exponent)) : String.format(Locale.ROOT, "%,d", (long) Math.pow(10, exponent))));
        }
    }

    /** The N the latency chart shows: 10,000 when measured (where issue #18 sets the latency targets), else the largest. */
    static final int LATENCY_N = 10_000;

    /** Latency (completion to result, log scale) against the share of tasks, one line per client, at {@link #LATENCY_N}. */
    static void writeLatencies(Path file, List<KlingBenchmark.Result> results) throws IOException {
        int largest = results.stream().anyMatch(r -> r.n() == LATENCY_N) ? LATENCY_N
                : results.stream().mapToInt(KlingBenchmark.Result::n).max().orElse(0);
        int x0 = 60;
        int y0 = 50;
        int width = 700;
        int height = 300;
        double logMin = 0;
        double logMax = 5; // 1 ms .. 100 s
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"480\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"800\" height=\"480\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"30\" font-size=\"14\">Latency from a task's end to its result, "
                + "N = %,d (ms, log scale) by percentile</text>%n", x0, largest));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                x0, y0, width, height));
        int line = 0;
        for (KlingBenchmark.Result r : results) {
            if (r.n() != largest || r.latencies().isEmpty()) {
                continue;
            }
            StringBuilder points = new StringBuilder();
            for (int percent = 1; percent <= 100; percent++) {
                long value = Math.max(1, KlingBenchmark.percentile(r.latencies(), percent));
                double x = x0 + (percent - 1) * width / 99.0;
                double y = y0 + height - (Math.min(logMax, Math.log10(value)) - logMin) / (logMax - logMin) * height;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String colour = COLOURS[line % COLOURS.length];
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s: p50 %,d ms, p99 %,d ms</text>%n", x0 + 5,
                    y0 + height + 45 + line * 15, colour, r.client().replaceAll(" \\(.*failed\\)", ""), r.p50(), r.p99()));
            line++;
        }
        for (int percent = 0; percent <= 100; percent += 10) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">p%d</text>%n",
                    x0 + Math.max(0, percent - 1) * width / 99.0, y0 + height + 15, percent));
        }
        for (int exponent = 0; exponent <= 5; exponent++) {
            double y = y0 + height - (exponent - logMin) / (logMax - logMin) * height;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%,d</text>%n", x0 - 4, y + 4,
                    (long) Math.pow(10, exponent)));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg.append("</svg>\n"));
    }
}
