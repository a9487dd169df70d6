package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.Cadence;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.SecretDescription;
import java.time.Duration;
import java.util.Optional;

/** The checks every rotation passes before anything changes, dry run included. */
final class Rotatable {

  private Rotatable() {}

  /**
   * @throws NotRotatableException when the entry has no generator: keyturn does not make its value
   */
  static void requireGenerator(SecretEntry entry) {
    if (entry.generator() == null) {
      throw new NotRotatableException(
          entry.name(),
          "it has no generator (its value is issued elsewhere): rotate it at the vendor, put the"
              + " new value into "
              + entry.source().id()
              + ", then run keyturn sync");
    }
  }

  /** The entry's cadence, empty for {@code non-rotating} or a missing tag. */
  static Optional<Duration> cadence(SecretEntry entry) {
    return entry.tags().rotation().flatMap(Cadence::fromTag).flatMap(Cadence::interval);
  }

  /**
   * The rotation function RotateSecret will invoke: the one given, else the one configured.
   *
   * @throws NotRotatableException when there is none
   */
  static String lambdaArn(SecretEntry entry, SecretDescription d, String given) {
    if (given != null) {
      return given;
    }
    if (d.rotationLambdaArn() == null) {
      throw new NotRotatableException(
          entry.name(),
          "no rotation Lambda is configured for "
              + entry.source().id()
              + " (attach keyturn's rotate function, or pass --rotation-lambda-arn)");
    }
    return d.rotationLambdaArn();
  }

  /**
   * The schedule to turn rotation on with when it is off (the entry's cadence), or null when it is
   * already on.
   *
   * @throws NotRotatableException when rotation is off and the entry has no cadence
   */
  static Long enableEveryDays(SecretEntry entry, SecretDescription d) {
    if (d.rotationEnabled()) {
      return null;
    }
    return cadence(entry)
        .map(Duration::toDays)
        .orElseThrow(() ->
            new NotRotatableException(
                entry.name(),
                "rotation is off in Secrets Manager and the entry is tagged rotation: "
                    + entry.tags().rotation().orElse("(none)")));
  }
}
