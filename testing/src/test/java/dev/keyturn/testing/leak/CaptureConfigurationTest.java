package dev.keyturn.testing.leak;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CaptureConfigurationTest {

  private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);

  @Test
  void requireCapturing_acceptsTheIncludedConfiguration() {
    assertThatCode(CaptureConfiguration::requireCapturing).doesNotThrowAnyException();
  }

  @Test
  void requireCapturing_rejectsARootLevelThatHidesInfo() {
    Level before = root.getLevel();
    root.setLevel(Level.WARN);
    try {
      assertThatThrownBy(CaptureConfiguration::requireCapturing)
          .isInstanceOf(LeakGuardNotConfiguredException.class)
          .hasMessageContaining("logger ROOT is at WARN")
          .hasMessageContaining("dev/keyturn/testing/logback-capture.xml");
    } finally {
      root.setLevel(before);
    }
  }

  @Test
  void requireCapturing_rejectsAKeyturnLoggerAboveDebug() {
    Logger quiet = logback.getLogger("dev.keyturn.quiet");
    quiet.setLevel(Level.INFO);
    try {
      assertThatThrownBy(CaptureConfiguration::requireCapturing)
          .hasMessageContaining("logger dev.keyturn.quiet is at INFO");
    } finally {
      quiet.setLevel(null);
    }
  }

  @Test
  void requireCapturing_rejectsANonAdditiveLoggerThatBypassesTheCapture() {
    Logger isolated = logback.getLogger("org.example.Isolated");
    isolated.setAdditive(false);
    try {
      assertThatThrownBy(CaptureConfiguration::requireCapturing)
          .hasMessageContaining("logger org.example.Isolated is not additive");
    } finally {
      isolated.setAdditive(true);
    }
  }

  @Test
  void requireCapturing_rejectsARootWithoutTheCapturingAppender() {
    Appender<ILoggingEvent> capture = root.getAppender("KEYTURN_CAPTURE");
    root.detachAppender(capture);
    try {
      assertThatThrownBy(CaptureConfiguration::requireCapturing)
          .hasMessageContaining("no started CapturingAppender on the root logger");
    } finally {
      root.addAppender(capture);
    }
  }
}
