package dev.keyturn.testing.leak;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Proves the capture is in place before a class runs: SLF4J bound to logback, a started {@link
 * CapturingAppender} on the root logger, root at INFO or finer, dev.keyturn at DEBUG or finer. A
 * module that forgot the logback include fails loudly instead of passing unguarded.
 */
public final class CaptureConfiguration {

  public static final String INCLUDE_RESOURCE = "dev/keyturn/testing/logback-capture.xml";
  private static final String HOW_TO_FIX =
      "; add <include resource=\""
          + INCLUDE_RESOURCE
          + "\"/> to src/test/resources/logback-test.xml and do not lower the levels it sets";

  private CaptureConfiguration() {}

  public static void requireCapturing() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext logback)) {
      throw new LeakGuardNotConfiguredException(
          "SLF4J is bound to " + factory.getClass().getName() + ", not logback" + HOW_TO_FIX);
    }
    Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!hasStartedCapturingAppender(root)) {
      throw new LeakGuardNotConfiguredException(
          "no started CapturingAppender on the root logger" + HOW_TO_FIX);
    }
    requireLevel(root, Level.INFO);
    requireLevel(logback.getLogger("dev.keyturn"), Level.DEBUG);
    for (Logger logger : logback.getLoggerList()) {
      if (logger.getName().startsWith("dev.keyturn.")) {
        requireLevel(logger, Level.DEBUG);
      }
      if (!logger.isAdditive() && !hasStartedCapturingAppender(logger)) {
        throw new LeakGuardNotConfiguredException(
            "logger "
                + logger.getName()
                + " is not additive, so its events bypass the capture"
                + HOW_TO_FIX);
      }
    }
  }

  private static boolean hasStartedCapturingAppender(Logger logger) {
    for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof CapturingAppender appender && appender.isStarted()) {
        return true;
      }
    }
    return false;
  }

  private static void requireLevel(Logger logger, Level finest) {
    if (finest.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return;
    }
    throw new LeakGuardNotConfiguredException(
        "logger "
            + logger.getName()
            + " is at "
            + logger.getEffectiveLevel()
            + ", so the capture misses its "
            + finest
            + " events"
            + HOW_TO_FIX);
  }
}
