package dev.keyturn.testing.leak;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Keeps every log event of the JVM in memory, fully rendered: message, raw arguments (a JSON
 * encoder may print those even when the message does not), key-value pairs, MDC and the whole
 * throwable chain. Attach it to the root logger with {@code <include
 * resource="dev/keyturn/testing/logback-capture.xml"/>}.
 */
public final class CapturingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  @Override
  public void start() {
    // logback starts this before the first log line, which makes it the earliest hook we get
    ConsoleTee.install();
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    CapturedOutput.record(event.getLoggerName(), render(event));
  }

  static String render(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getLevel().toString()).append(' ');
    text.append(event.getFormattedMessage());
    Object[] arguments = event.getArgumentArray();
    if (arguments != null) {
      for (Object argument : arguments) {
        text.append(" | arg=").append(describe(argument));
      }
    }
    if (event.getKeyValuePairs() != null) {
      event.getKeyValuePairs().forEach(pair -> text.append(" | ").append(pair));
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      text.append(" | mdc=").append(mdc);
    }
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      text.append('\n').append(ThrowableProxyUtil.asString(throwable));
    }
    return text.toString();
  }

  // arrays print as [C@1f2e... by default, which would hide a char[] or byte[] secret
  private static String describe(Object argument) {
    return switch (argument) {
      case char[] chars -> new String(chars);
      case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
      case Object[] array -> Arrays.deepToString(array);
      case null -> "null";
      default -> String.valueOf(argument);
    };
  }
}
