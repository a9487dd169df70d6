package dev.keyturn.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The SDK clients' timeouts: AWS defaults, or longer ones where a setting asks (the demo). */
class AwsClientsTest {

  private String region;

  @BeforeEach
  void region() {
    region = System.getProperty("aws.region");
    System.setProperty("aws.region", "us-east-1");
  }

  @AfterEach
  void restoreRegion() {
    if (region == null) {
      System.clearProperty("aws.region");
    } else {
      System.setProperty("aws.region", region);
    }
  }

  @Test
  void clients_wait5sPerAttemptAnd20sPerCall_byDefault() {
    try (ApplicationContext context = ApplicationContext.run(Map.of())) {
      ClientOverrideConfiguration timeouts = timeouts(context, SecretsManagerClient.class);

      assertThat(timeouts.apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
      assertThat(timeouts.apiCallTimeout()).contains(Duration.ofSeconds(20));
    }
  }

  @Test
  void everyClient_takesItsTimeoutsFromTheSettings() {
    Map<String, Object> settings =
        Map.of(AwsClients.ATTEMPT_TIMEOUT_PROPERTY, "60s", AwsClients.CALL_TIMEOUT_PROPERTY, "3m");
    try (ApplicationContext context = ApplicationContext.run(settings)) {
      for (Class<? extends software.amazon.awssdk.core.SdkClient> type :
          java.util.List.of(
              SecretsManagerClient.class,
              SsmClient.class,
              DynamoDbClient.class,
              EventBridgeClient.class)) {
        ClientOverrideConfiguration timeouts = timeouts(context, type);

        assertThat(timeouts.apiCallAttemptTimeout())
            .as(type.getSimpleName())
            .contains(Duration.ofSeconds(60));
        assertThat(timeouts.apiCallTimeout())
            .as(type.getSimpleName())
            .contains(Duration.ofMinutes(3));
      }
    }
  }

  private static ClientOverrideConfiguration timeouts(
      ApplicationContext context, Class<? extends software.amazon.awssdk.core.SdkClient> type) {
    return context.getBean(type).serviceClientConfiguration().overrideConfiguration();
  }
}
