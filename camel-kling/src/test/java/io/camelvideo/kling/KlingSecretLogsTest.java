package io.camelvideo.kling;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log line (TRACE and up) of failing runs with bad keys, captured: no key or secret in any of it. */
class KlingSecretLogsTest extends KlingTestSupport {

    private static final String SECRET_KEY = "sk-SECRET-never-print-4711";
    private static final String API_KEY = "api-SECRET-never-print-0815";

    private final StringBuilder captured = new StringBuilder();
    private AbstractAppender appender;
    private Level previousLevel;

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:official").to("kling:text2video?accessKey=ak-SECRET-never-print&secretKey=RAW(" + SECRET_KEY + ")");
                from("direct:gateway").to("kling:text2video?pathPrefix=/kling/v1&apiKey=RAW(" + API_KEY + ")");
            }
        };
    }

    @BeforeEach
    void captureEverything() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                synchronized (captured) {
                    captured.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage()).append('\n');
                    if (event.getThrown() != null) {
                        StringWriter trace = new StringWriter();
                        event.getThrown().printStackTrace(new PrintWriter(trace));
                        captured.append(trace);
                    }
                }
            }
        };
        appender.start();
        LoggerConfig root = config.getRootLogger();
        previousLevel = root.getLevel();
        root.addAppender(appender, Level.TRACE, null);
        root.setLevel(Level.TRACE);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapture() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        root.removeAppender("capture");
        root.setLevel(previousLevel);
        logging.updateLoggers();
        appender.stop();
    }

    @Test
    void failingRunsWithBadKeysLogNoSecret() {
        Exchange official = send("direct:official", "a fox");
        Exchange gateway = send("direct:gateway", "a fox");

        assertThat(official.getException()).hasMessageContaining("1000");
        assertThat(gateway.getException()).hasMessageContaining("401");
        String logs;
        synchronized (captured) {
            logs = captured.toString();
        }
        assertThat(logs).contains("Failed delivery").contains("kling://text2video");
        assertThat(logs).doesNotContain(SECRET_KEY).doesNotContain(API_KEY).doesNotContain("ak-SECRET-never-print");
        assertThat(String.valueOf(official.getException())).doesNotContain(SECRET_KEY);
    }
}
