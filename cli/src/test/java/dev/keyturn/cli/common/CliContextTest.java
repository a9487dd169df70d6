package dev.keyturn.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CliContextTest {

  @Test
  void anOptionGiven_winsOverTheSameSettingFromTheEnvironment() {
    // system properties rank above environment variables in Micronaut, so this covers both
    System.setProperty("heroku.api-url", "http://from-the-environment");
    try (CliContext c = CliContext.start("t", Map.of("heroku.api-url", "http://from-the-option"))) {
      assertThat(c.property("heroku.api-url")).contains("http://from-the-option");
    } finally {
      System.clearProperty("heroku.api-url");
    }
  }

  @Test
  void auditEventsName_theCliAndItsUser() {
    try (CliContext c = CliContext.start("t")) {
      assertThat(c.actor()).isEqualTo("keyturn-cli:" + System.getProperty("user.name"));
      assertThat(c.property("aws.lambda.function.name")).contains(c.actor());
    }
  }
}
