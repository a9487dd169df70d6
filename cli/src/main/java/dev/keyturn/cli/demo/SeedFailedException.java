package dev.keyturn.cli.demo;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SourceExistsException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The demo's seed step failed for one entry. One line: the step, the entry, its secret or
 * parameter, and what went wrong (an AWS error code, or keyturn's own reason), never a value and
 * never a third party's message text.
 */
final class SeedFailedException extends RuntimeException {

  SeedFailedException(SecretEntry entry, Source source, RuntimeException cause) {
    super(
        "demo failed at step "
            + DemoSeeds.STEP
            + ": "
            + resource(source)
            + " (entry "
            + entry.name()
            + "): "
            + what(cause),
        cause);
  }

  private static String resource(Source source) {
    return switch (source) {
      case Source.SecretsManager sm -> "secret " + sm.id();
      case Source.SsmParameter p -> "SSM parameter " + p.id();
    };
  }

  private static String what(RuntimeException cause) {
    return switch (cause) {
      case SourceExistsException exists -> "it already exists with another value (left unchanged)";
      case AwsServiceException aws when aws.awsErrorDetails() != null ->
          aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + ")";
      default ->
          cause.getClass().getName().startsWith("dev.keyturn.") && cause.getMessage() != null
              ? cause.getMessage()
              : cause.getClass().getSimpleName();
    };
  }
}
