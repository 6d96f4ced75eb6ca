package io.camelvideo.kling;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Predicate;

/** Every log line of every logger (and its stack trace) from {@code level} up, while open. */
final class LogCapture implements AutoCloseable {

    private final StringBuilder text = new StringBuilder();
    private final String name = "capture-" + System.nanoTime();
    private final AbstractAppender appender;
    private final Level previous;

    /** @param keep which events to keep (the others are not captured) */
    LogCapture(Level level, Predicate<LogEvent> keep) {
        appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (!keep.test(event)) {
                    return;
                }
                synchronized (text) {
                    text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage()).append('\n');
                    if (event.getThrown() != null) {
                        StringWriter trace = new StringWriter();
                        event.getThrown().printStackTrace(new PrintWriter(trace));
                        text.append(trace);
                    }
                }
            }
        };
        appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        previous = root.getLevel();
        root.addAppender(appender, level, null);
        if (level.isLessSpecificThan(previous)) {
            root.setLevel(level);
        }
        logging.updateLoggers();
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        root.removeAppender(name);
        root.setLevel(previous);
        logging.updateLoggers();
        appender.stop();
    }
}
