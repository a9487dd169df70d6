package dev.keyturn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

class AwsTimeoutsTest {

  @BeforeAll
  static void region() {
    // the SDK reads its region from the JVM, not from Micronaut; the local-AWS tests set the same
    if (System.getProperty("aws.region") == null) {
      System.setProperty("aws.region", "us-east-1");
    }
  }

  @Test
  void everyClient_takesItsTimeoutsFromTheSettings() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of("keyturn.aws.attempt-timeout", "17s", "keyturn.aws.call-timeout", "45s"))) {
      for (ClientOverrideConfiguration c :
          new ClientOverrideConfiguration[] {
            context
                .getBean(SecretsManagerClient.class)
                .serviceClientConfiguration()
                .overrideConfiguration(),
            context.getBean(SsmClient.class).serviceClientConfiguration().overrideConfiguration(),
            context
                .getBean(DynamoDbClient.class)
                .serviceClientConfiguration()
                .overrideConfiguration(),
            context
                .getBean(EventBridgeClient.class)
                .serviceClientConfiguration()
                .overrideConfiguration()
          }) {
        assertThat(c.apiCallAttemptTimeout()).contains(Duration.ofSeconds(17));
        assertThat(c.apiCallTimeout()).contains(Duration.ofSeconds(45));
      }
    }
  }

  @Test
  void withoutSettings_anAttemptMayTake5s_andACall20s() {
    try (ApplicationContext context = ApplicationContext.run()) {
      assertThat(context.getBean(AwsTimeouts.class)).isEqualTo(AwsTimeouts.DEFAULT);
      assertThat(AwsTimeouts.DEFAULT)
          .isEqualTo(new AwsTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }
  }

  @Test
  void anAttemptLongerThanTheCall_isRefused() {
    assertThatThrownBy(() -> new AwsTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no longer than the call timeout");
  }
}
