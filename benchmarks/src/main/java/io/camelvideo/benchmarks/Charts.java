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

/** Writes the benchmark's chart: requests per task and peak threads against N, one line per client, as SVG. */
final class Charts {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private Charts() {
    }

    static void write(Path file, List<KlingBenchmark.Result> results) throws IOException {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"420\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"900\" height=\"420\" fill=\"white\"/>\n");
        panel(svg, results, 40, "HTTP requests per task, create included (log scale)", KlingBenchmark.Result::requestsPerTask, -2);
        panel(svg, results, 480, "Peak extra threads while waiting (log scale)", r -> Math.max(1, r.threads()), 0);
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
}
