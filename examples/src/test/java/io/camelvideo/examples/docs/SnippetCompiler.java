package io.camelvideo.examples.docs;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** Compiles a Java snippet, wrapped in a class, against the test classpath (the JDK's compiler). */
final class SnippetCompiler {

    private static final String IMPORTS = """
            package snippets;
            import java.util.*;
            import org.apache.camel.*;
            import org.apache.camel.builder.RouteBuilder;
            import io.camelvideo.kling.*;
            import io.camelvideo.legnext.*;
            import io.camelvideo.emulator.*;
            import io.camelvideo.emulator.faults.*;
            """;

    private SnippetCompiler() {
    }

    /** Route snippets become the body of a RouteBuilder's configure(). */
    static Class<?> routes(String className, String code, Path work) throws Exception {
        return compile(className, IMPORTS + "public class " + className + " extends RouteBuilder {\n"
                + "  @Override public void configure() throws Exception {\n" + code + "\n  }\n}\n", work);
    }

    /** Statement snippets become a Consumer of the CamelContext they may use as {@code context}. */
    static Class<?> statements(String className, String code, Path work) throws Exception {
        return compile(className, IMPORTS + "public class " + className
                + " implements java.util.function.Consumer<CamelContext> {\n"
                + "  @Override public void accept(CamelContext context) {\n    try {\n" + code
                + "\n    } catch (Exception e) { throw new RuntimeException(e); }\n  }\n}\n", work);
    }

    private static Class<?> compile(String className, String source, Path work) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/snippets"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = sources.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-proc:none", "-classpath", classpath(), "-d", classes.toString(),
                file.toString());
        if (status != 0) {
            throw new AssertionError("the snippet does not compile:\n" + errors.toString(StandardCharsets.UTF_8) + "\n" + source);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, SnippetCompiler.class.getClassLoader());
        return loader.loadClass("snippets." + className);
    }

    /** The test classpath, also when surefire hands it over in a manifest-only jar. */
    private static String classpath() throws IOException {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classpath)) {
                String entries = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (entries != null) {
                    return Arrays.stream(entries.trim().split(" +")).map(entry -> Path.of(URI.create(entry)).toString())
                            .collect(Collectors.joining(File.pathSeparator));
                }
            }
        }
        return classpath;
    }
}
