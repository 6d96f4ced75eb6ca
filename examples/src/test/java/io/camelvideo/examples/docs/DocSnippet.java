package io.camelvideo.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A fenced code block of README.md or docs/*.md: where it is, its language and its text. */
record DocSnippet(String file, int line, String language, String code) {

    /** The project's root (the tests run in the examples module). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Every fenced block of README.md and docs/*.md, in file order. */
    static List<DocSnippet> all() {
        List<DocSnippet> snippets = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            Stream.concat(Stream.of(ROOT.resolve("README.md")), docs.filter(p -> p.toString().endsWith(".md")).sorted())
                    .forEach(file -> snippets.addAll(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snippets;
    }

    static List<DocSnippet> of(String language) {
        return all().stream().filter(s -> s.language().equals(language)).toList();
    }

    private static List<DocSnippet> read(Path file) {
        List<DocSnippet> found = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = ROOT.relativize(file).toString();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && lines.get(i).length() > 3) {
                int start = i;
                StringBuilder code = new StringBuilder();
                while (++i < lines.size() && !lines.get(i).startsWith("```")) {
                    code.append(lines.get(i)).append('\n');
                }
                found.add(new DocSnippet(name, start + 1, lines.get(start).substring(3).trim(), code.toString()));
            }
        }
        return found;
    }

    /** Whether the snippet defines routes (rather than statements to run). */
    boolean isRoutes() {
        return code.contains("from(") || code.contains("- route:");
    }

    @Override
    public String toString() {
        return file + ":" + line + " (" + language + ")";
    }
}
