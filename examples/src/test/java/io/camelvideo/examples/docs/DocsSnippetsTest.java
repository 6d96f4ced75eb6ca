package io.camelvideo.examples.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.testing.EmulatorExtension;
import io.camelvideo.kling.KlingComponent;
import io.camelvideo.kling.KlingConfiguration;
import io.camelvideo.legnext.LegnextComponent;
import io.camelvideo.legnext.LegnextConfiguration;
import io.camelvideo.task.camel.RemoteTaskComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every code block of README.md and docs/*.md, as written:
 * <ul>
 *   <li>Java and YAML routes compile (the JDK's compiler) or load, and start in a Camel context whose
 *       {@code kling:} and {@code legnext:} point at the emulator (JMS, FTP, S3 and platform-http
 *       endpoints start as stubs). A route that reads {@code file:<dir>} and writes {@code file:<dir>}
 *       is run: an input is dropped in (a prompt, or an image) and its output file must appear.</li>
 *   <li>Java statements run (the emulator's API, the component's setters).</li>
 *   <li>{@code camel.component.*} properties name real options; Maven coordinates are the project's.</li>
 * </ul>
 * Shell blocks are the commands README and docs give; CI runs the README's.
 */
class DocsSnippetsTest {

    private static final Pattern FROM_FILE = Pattern.compile("(?:from\\(\"|from:\\s*(?:\\{\\s*)?uri:\\s*)file:([\\w./-]+)");
    private static final Pattern TO_FILE = Pattern.compile("(?:\\.to\\(\"|to:\\s*(?:\\{\\s*)?uri:\\s*)file:([\\w./-]+)");
    /** A relative file endpoint (not the Simple language's ${file:...}). */
    private static final Pattern FILE_ENDPOINT = Pattern.compile("(?<!\\$\\{)file:(?=[A-Za-z])");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Emulator emulator;

    @TempDir
    Path work;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(started -> emulator = started);

    static Stream<DocSnippet> routes() {
        return DocSnippet.all().stream().filter(s -> (s.language().equals("java") || s.language().equals("yaml")) && s.isRoutes());
    }

    static Stream<DocSnippet> statements() {
        return DocSnippet.of("java").stream().filter(s -> !s.isRoutes());
    }

    static Stream<DocSnippet> properties() {
        return DocSnippet.of("properties").stream();
    }

    static Stream<DocSnippet> maven() {
        return DocSnippet.of("xml").stream().filter(s -> s.code().contains("<dependency>"));
    }

    @Test
    void theDocsHaveSnippetsOfEveryKindThisTestRuns() {
        assertThat(routes().count()).isGreaterThanOrEqualTo(20);
        assertThat(statements().count()).isGreaterThanOrEqualTo(2);
        assertThat(DocSnippet.all()).extracting(DocSnippet::language).allMatch(List.of("java", "yaml", "properties", "xml", "bash",
                "json", "text", "sql")::contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void routesStartAgainstTheEmulatorAndTurnTheirInputFilesIntoOutputFiles(DocSnippet snippet) throws Exception {
        String code = FILE_ENDPOINT.matcher(snippet.code()).replaceAll(Matcher.quoteReplacement("file:" + work.toString().replace('\\', '/') + "/"));
        CamelContext context = context();
        if (code.contains("WebhookReceiver")) { // the receiver beans exist once webhookUrl is set, as the docs say
            for (String scheme : List.of("kling", "legnext")) {
                RemoteTaskComponent component = context.getComponent(scheme, RemoteTaskComponent.class);
                component.setWebhookUrl("https://app.example.com/webhooks/" + scheme);
                component.setWebhookVerifyToken("a-verify-token-for-the-docs-test");
            }
        }
        try {
            if (snippet.language().equals("java")) {
                Class<?> routes = SnippetCompiler.routes("Routes" + snippet.line(), code, work.resolve(".snippet"));
                context.addRoutes((RoutesBuilder) routes.getDeclaredConstructor().newInstance());
            } else {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("snippet.yaml", code));
            }
            context.start();
            assertThat(context.getRoutes()).as("routes of " + snippet).isNotEmpty();

            List<Path> inputs = new ArrayList<>();
            for (String dir : dirs(FROM_FILE, snippet.code())) {
                inputs.add(drop(work.resolve(dir)));
            }
            Set<String> outputs = dirs(TO_FILE, snippet.code());
            if (!inputs.isEmpty() && !outputs.isEmpty()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(files(outputs)).as("files written by " + snippet).hasSizeGreaterThanOrEqualTo(inputs.size()));
                if (snippet.code().contains("${file:onlyname.noext}")) {
                    assertThat(files(outputs)).extracting(p -> p.getFileName().toString()).contains("fox.mp4");
                }
            }
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    @SuppressWarnings("unchecked")
    void statementsRun(DocSnippet snippet) throws Exception {
        CamelContext context = context();
        try {
            context.start();
            Class<?> statements = SnippetCompiler.statements("Statements" + snippet.line(), snippet.code(), work.resolve(".snippet"));
            ((Consumer<CamelContext>) statements.getDeclaredConstructor().newInstance()).accept(context);
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void componentPropertiesNameRealOptions(DocSnippet snippet) throws Exception {
        Matcher property = Pattern.compile("camel\\.component\\.(kling|legnext)\\.([a-z-]+)\\s*=").matcher(snippet.code());
        int checked = 0;
        while (property.find()) {
            JsonNode options = componentOptions(property.group(1));
            String option = StringHelper.dashToCamelCase(property.group(2));
            assertThat(options.has(option)).as(property.group(0) + " in " + snippet + " names an option of " + property.group(1)).isTrue();
            checked++;
        }
        assertThat(checked).as("component properties in " + snippet).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maven")
    void mavenCoordinatesAreTheProjects(DocSnippet snippet) throws Exception {
        String parent = Files.readString(DocSnippet.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>camel-video-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(parent);
        assertThat(version.find()).isTrue();
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(snippet.code());
        assertThat(artifact.find()).isTrue();
        assertThat(snippet.code()).contains("<groupId>io.camelvideo</groupId>", "<version>" + version.group(1) + "</version>");
        try (Stream<Path> poms = Files.walk(DocSnippet.ROOT, 3)) {
            String module = "<artifactId>" + artifact.group(1) + "</artifactId>\n    <name>";
            assertThat(poms.filter(p -> p.getFileName().toString().equals("pom.xml")).filter(p -> !p.toString().contains("/target/"))
                    .anyMatch(pom -> read(pom).contains(module))).as("a module of the project is " + artifact.group(1)).isTrue();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * kling: and legnext: on the emulator, polling fast; the properties the snippets' placeholders name
     * ({{kling.base-url}} ...); the external systems of the snippets as stubs.
     */
    private static CamelContext context() {
        CamelContext context = new DefaultCamelContext();
        java.util.Properties placeholders = new java.util.Properties();
        placeholders.setProperty("kling.base-url", emulator.baseUrl());
        placeholders.setProperty("kling.access-key", EmulatorSettings.DEFAULT_ACCESS_KEY);
        placeholders.setProperty("kling.secret-key", EmulatorSettings.DEFAULT_SECRET_KEY);
        context.getPropertiesComponent().setInitialProperties(placeholders);
        context.setAutowiredEnabled(false); // the stubs take the names of components on the classpath (ftp, aws2-s3)
        KlingComponent kling = new KlingComponent();
        KlingConfiguration klingConfig = kling.getConfiguration();
        klingConfig.setBaseUrl(emulator.baseUrl());
        klingConfig.setAccessKey(EmulatorSettings.DEFAULT_ACCESS_KEY);
        klingConfig.setSecretKey(EmulatorSettings.DEFAULT_SECRET_KEY);
        klingConfig.setPollInterval(20);
        klingConfig.setMaxPollInterval(100);
        context.addComponent("kling", kling);
        LegnextComponent legnext = new LegnextComponent();
        LegnextConfiguration legnextConfig = legnext.getConfiguration();
        legnextConfig.setBaseUrl(emulator.baseUrl());
        legnextConfig.setApiKey(EmulatorSettings.DEFAULT_LEGNEXT_API_KEY);
        legnextConfig.setPollInterval(20);
        legnextConfig.setMaxPollInterval(100);
        context.addComponent("legnext", legnext);
        for (String external : List.of("jms", "ftp", "aws2-s3", "platform-http")) {
            context.addComponent(external, new StubComponent());
        }
        return context;
    }

    private static Set<String> dirs(Pattern pattern, String code) {
        Set<String> dirs = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            dirs.add(matcher.group(1));
        }
        return dirs;
    }

    /** A prompt for a prompts folder, else an image (frames, photos, characters, people). */
    private static Path drop(Path dir) throws Exception {
        Files.createDirectories(dir);
        if (dir.getFileName().toString().contains("prompt")) {
            return Files.writeString(dir.resolve("fox.txt"), "a fox in the snow", StandardCharsets.UTF_8);
        }
        Path image = dir.resolve("fox.png");
        ImageIO.write(new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        return image;
    }

    private List<Path> files(Set<String> dirs) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : dirs) {
            Path folder = work.resolve(dir);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> listed = Files.list(folder)) {
                    listed.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    private static JsonNode componentOptions(String scheme) throws Exception {
        try (InputStream in = DocsSnippetsTest.class.getResourceAsStream("/META-INF/io/camelvideo/" + scheme + "/" + scheme + ".json")) {
            return JSON.readTree(in).get("componentProperties");
        }
    }
}
