package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.Cadence;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.VendorDirectory;
import dev.keyturn.secrets.SecretDescription;
import java.time.Duration;
import java.util.Optional;

/** The checks every rotation passes before anything changes, dry run included. */
final class Rotatable {

  private Rotatable() {}

  /**
   * Only generated and vendor entries rotate without a value from a person.
   *
   * @throws NotRotatableException for a non-rotating entry, and for an operator-assisted one (no
   *     generator: keyturn never invents its value), naming the vendor's dashboard
   */
  static void requireAutomatic(SecretEntry entry) {
    switch (entry.mode()) {
      case NONE ->
          throw new NotRotatableException(
              entry.name(), "it is tagged rotation: non-rotating (mode none)");
      case OPERATOR -> {
        VendorDirectory.Listing vendor = VendorDirectory.of(entry);
        throw new NotRotatableException(
            entry.name(),
            "it is operator-assisted (no generator): keyturn never invents its value; create"
                + " the new "
                + vendor.vendor()
                + " credential at "
                + vendor.dashboard()
                + ", then run keyturn rotate "
                + entry.name()
                + " --from-stdin");
      }
      case GENERATED, VENDOR -> {}
    }
  }

  /**
   * The entry as one environment sees it: its source is that environment's, so every step after
   * this one rotates that source ({@link SecretEntry#inEnvironment}).
   *
   * @param env the environment, or null for the entry's prod (or only) source
   * @throws NotRotatableException when the entry has no source in that environment
   */
  static SecretEntry inEnvironment(SecretEntry entry, String env) {
    if (env == null) {
      return entry;
    }
    return entry
        .inEnvironment(env)
        .orElseThrow(() ->
            new NotRotatableException(
                entry.name(),
                "it has no source in environment "
                    + env
                    + " (its environments: "
                    + String.join(", ", entry.environments())
                    + ")"));
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
