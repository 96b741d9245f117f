package io.firebreak.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event while open, on the root logger, as the text a log file would hold (message and
 * stack trace). Firebreak's own loggers and the clients that carry credentials (Elasticsearch,
 * Slack) log at DEBUG meanwhile, so what they would say when someone turns logging up counts too.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> LOUDER = List.of("io.firebreak", "co.elastic", "org.elasticsearch.client", "com.slack.api");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Map<Logger, Level> levels = new HashMap<>();

    LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (String name : LOUDER) {
            Logger logger = context.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** Each event as a line: level, logger, message, then its stack trace if any. */
    List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) { // AppenderBase appends under the appender's own lock
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::line).toList();
    }

    private static String line(ILoggingEvent e) {
        String line = e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage();
        return e.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        levels.forEach(Logger::setLevel);
    }
}
