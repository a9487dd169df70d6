package dev.keyturn.testing.leak;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps chosen loggers off the test console while the capture still records them for the leak
 * guard. A module names them in its logback-test.xml, before the include, when its tests make a
 * logger warn on purpose and by the thousand (the webhook property tests reject 120,000 forged
 * deliveries, and the function logs each rejection at WARN as it must in production):
 *
 * <pre>{@code
 * <property name="KEYTURN_TEST_QUIET" value="dev.keyturn.webhook.Rejections"/>
 * <include resource="dev/keyturn/testing/logback-capture.xml"/>
 * }</pre>
 *
 * A name also quiets the loggers below it; several are separated by commas. ERROR always shows.
 */
public final class QuietOnConsole extends Filter<ILoggingEvent> {

  private List<String> loggers = List.of();

  /** Comma-separated logger names; blank for none. */
  public void setLoggers(String names) {
    this.loggers =
        names == null
            ? List.of()
            : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (event.getLevel().toInt() >= ch.qos.logback.classic.Level.ERROR_INT) {
      return FilterReply.NEUTRAL;
    }
    String name = event.getLoggerName();
    for (String quiet : loggers) {
      if (name.equals(quiet) || name.startsWith(quiet + ".")) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
