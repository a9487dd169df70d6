package dev.keyturn.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class QuietOnConsoleTest {

  private static LoggingEvent event(String logger, Level level) {
    LoggerContext context = new LoggerContext();
    return new LoggingEvent(
        QuietOnConsoleTest.class.getName(), context.getLogger(logger), level, "m", null, null);
  }

  @Test
  void aNamedLogger_andTheLoggersBelowIt_stayOffTheConsole_belowError() {
    QuietOnConsole filter = new QuietOnConsole();
    filter.setLoggers(" dev.keyturn.webhook.Rejections , other.Noisy");

    assertThat(filter.decide(event("dev.keyturn.webhook.Rejections", Level.WARN)))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("other.Noisy.Child", Level.WARN))).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("dev.keyturn.webhook.Rejections", Level.ERROR)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("dev.keyturn.webhook.RejectionsElsewhere", Level.WARN)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("dev.keyturn.webhook.WebhookService", Level.WARN)))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void noNames_quietNothing() {
    QuietOnConsole filter = new QuietOnConsole();
    filter.setLoggers("");

    assertThat(filter.decide(event("dev.keyturn.webhook.Rejections", Level.WARN)))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
