package dev.keyturn.cli.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --profile}, {@code --region} and {@code --endpoint-url} as the AWS SDK's own settings (JVM
 * system properties, which win over {@code AWS_PROFILE}, {@code AWS_REGION} and {@code
 * AWS_ENDPOINT_URL*}), so every client the functions' beans build obeys them with no option of its
 * own. The previous values come back on {@link #close()}: a CLI process runs one command, but the
 * tests run many in one JVM.
 */
final class SdkSettings implements AutoCloseable {

  static final String PROFILE = "aws.profile";
  static final String REGION = "aws.region";

  /** The general endpoint and every service-specific one, which would otherwise win over it. */
  static final String[] ENDPOINTS = {
    "aws.endpointUrl",
    "aws.endpointUrlDynamoDb",
    "aws.endpointUrlSecretsManager",
    "aws.endpointUrlSsm",
    "aws.endpointUrlEventBridge"
  };

  private final Map<String, String> previous = new LinkedHashMap<>();

  private SdkSettings() {}

  /** Sets what is given (nulls leave the environment's settings alone). */
  static SdkSettings apply(String profile, String region, String endpointUrl) {
    SdkSettings settings = new SdkSettings();
    settings.set(PROFILE, profile);
    settings.set(REGION, region);
    for (String endpoint : ENDPOINTS) {
      settings.set(endpoint, endpointUrl);
    }
    return settings;
  }

  private void set(String property, String value) {
    if (value != null) {
      previous.put(property, System.getProperty(property));
      System.setProperty(property, value);
    }
  }

  @Override
  public void close() {
    previous.forEach((property, value) -> {
      if (value == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, value);
      }
    });
    previous.clear();
  }
}
