package nl.eindtoets.gateway.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** A gateway of its own started with {@code overrides}, and the lines the gateway's loggers wrote while it started. */
record StartupLog(RunningGateway gateway, List<String> lines) {

    static StartupLog start(Map<String, String> overrides) {
        Logger logger = (Logger) LoggerFactory.getLogger("nl.eindtoets.gateway");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            RunningGateway gateway = RunningGateway.start(overrides);
            return new StartupLog(gateway, appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            logger.detachAppender(appender);
        }
    }

    /** The one line that says which providers this JVM uses. */
    String providerLine() {
        List<String> decided = lines.stream().filter(l -> l.startsWith("crypto.provider=")).toList();
        if (decided.size() != 1) {
            throw new AssertionError("expected one crypto.provider line, got " + decided);
        }
        return decided.get(0);
    }
}
