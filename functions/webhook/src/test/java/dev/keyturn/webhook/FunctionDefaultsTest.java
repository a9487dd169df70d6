package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunctionDefaultsTest {

  @Test
  void webhookDefaults_shortenAwsCallTimeouts_butAnySettingOverridesThem() {
    System.setProperty(FunctionDefaults.ATTEMPT_TIMEOUT, "700ms");
    try (ApplicationContext context =
        ApplicationContext.builder().propertySources(FunctionDefaults.propertySource()).start()) {
      assertThat(context.getProperty(FunctionDefaults.CALL_TIMEOUT, Duration.class))
          .contains(Duration.ofSeconds(2));
      assertThat(context.getProperty(FunctionDefaults.ATTEMPT_TIMEOUT, Duration.class))
          .contains(Duration.ofMillis(700));
    } finally {
      System.clearProperty(FunctionDefaults.ATTEMPT_TIMEOUT);
    }
  }
}
