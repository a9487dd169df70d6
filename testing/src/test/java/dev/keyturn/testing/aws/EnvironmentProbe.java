package dev.keyturn.testing.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Run in a child JVM by {@link SdkDefaultSettingsTest}: builds SDK clients with default settings
 * (only environment variables to go by) and reports what it finds.
 */
public final class EnvironmentProbe {

  private EnvironmentProbe() {}

  public static void main(String[] args) {
    try (DynamoDbClient dynamoDb =
            DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        SecretsManagerClient secrets =
            SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
      var item =
          dynamoDb.getItem(request ->
              request
                  .tableName(LocalAwsExtension.TABLE)
                  .key(SdkDefaultSettingsTest.key("CHILD", "SEEN")));
      System.out.println("dynamodb item CHILD/SEEN " + (item.hasItem() ? "found" : "missing"));
      boolean secretFound =
          secrets.listSecrets().secretList().stream()
              .anyMatch(secret -> secret.name().equals("keyturn/child-probe"));
      System.out.println(
          "secretsmanager keyturn/child-probe " + (secretFound ? "found" : "missing"));
    }
  }
}
