package dev.keyturn.rotate.protocol;

import java.util.Map;

/**
 * One invocation by Secrets Manager: {@code {Step, SecretId, ClientRequestToken, RotationToken?}}.
 * ({@code SecretsManagerRotationEvent} of aws-lambda-java-events has no RotationToken, hence this.)
 *
 * @param step the step to run
 * @param secretId the secret's ARN (or name)
 * @param token the ClientRequestToken: the id of the version being rotated in
 * @param rotationToken the RotationToken to pass to PutSecretValue, or null when absent
 */
public record RotationEvent(
    RotationStep step, String secretId, String token, String rotationToken) {

  /**
   * Reads the event as the Lambda runtime hands it over (a JSON object as a map).
   *
   * @throws InvalidRotationEventException naming the field that is missing or wrong
   */
  public static RotationEvent fromMap(Map<String, ?> event) {
    if (event == null) {
      throw new InvalidRotationEventException("the event is empty");
    }
    String stepName = required(event, "Step");
    RotationStep step =
        RotationStep.fromEventName(stepName)
            .orElseThrow(() -> new InvalidRotationEventException("Step is not a rotation step"));
    Object rotationToken = event.get("RotationToken");
    if (rotationToken != null && !(rotationToken instanceof String)) {
      throw new InvalidRotationEventException("RotationToken is not a string");
    }
    return new RotationEvent(
        step,
        required(event, "SecretId"),
        required(event, "ClientRequestToken"),
        (String) rotationToken);
  }

  private static String required(Map<String, ?> event, String field) {
    if (event.get(field) instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new InvalidRotationEventException(field + " is missing or not a string");
  }
}
