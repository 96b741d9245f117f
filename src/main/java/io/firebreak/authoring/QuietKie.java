package io.firebreak.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Drools' and KIE's loggers switched off while lint compiles: KieProject logs every compile error at
 * ERROR, a dump on stderr of what lint already prints once, with file:line. The levels come back after.
 */
final class QuietKie implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("org.drools", "org.kie");

    private final List<Level> before = new ArrayList<>();

    QuietKie() {
        for (String name : LOGGERS) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                before.add(logger.getLevel());
                logger.setLevel(Level.OFF);
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < before.size(); i++) {
            ((Logger) LoggerFactory.getLogger(LOGGERS.get(i))).setLevel(before.get(i));
        }
    }
}
