package dev.keyturn.webhook;

import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * The webhook function's own defaults for settings other functions share: its AWS calls time out
 * after {@link WebhookSettings#DEFAULT_AWS_CALL_TIMEOUT}, well under its 15 s timeout, and an
 * attempt is not cut short before that ({@link WebhookSettings#DEFAULT_AWS_ATTEMPT_TIMEOUT}), where
 * core's defaults (20 s / 5 s) suit the rotate and sync functions. Ordered below every other
 * source, so an environment variable or system property still wins.
 */
final class FunctionDefaults {

  static final String CALL_TIMEOUT = "keyturn.aws.call-timeout";
  static final String ATTEMPT_TIMEOUT = "keyturn.aws.attempt-timeout";

  private FunctionDefaults() {}

  static PropertySource propertySource() {
    return PropertySource.of(
        "keyturn-webhook-defaults",
        Map.of(
            CALL_TIMEOUT, WebhookSettings.DEFAULT_AWS_CALL_TIMEOUT.toMillis() + "ms",
            ATTEMPT_TIMEOUT, WebhookSettings.DEFAULT_AWS_ATTEMPT_TIMEOUT.toMillis() + "ms"),
        Integer.MIN_VALUE);
  }
}
