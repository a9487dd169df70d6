package dev.keyturn.inventory.lint;

import java.util.List;
import java.util.Map;

/**
 * Validates the options of a pluggable kind (a generator type or a webhook scheme). Implemented by
 * the modules that own those kinds, so core does not depend on them.
 */
@FunctionalInterface
public interface OptionValidator {

  /** Accepts every kind and option; for callers that cannot check them. */
  OptionValidator NONE = (kind, options) -> List.of();

  /** Problems in plain words naming the option; empty when valid. An unknown kind is a problem. */
  List<String> validate(String kind, Map<String, String> options);

  /**
   * Whether the kind (a generator type) rotates only through Secrets Manager's four steps, because
   * its other side is set in setSecret (a database user's password): on an SSM parameter the sweep
   * would change the value without the database knowing.
   */
  default boolean secretsManagerOnly(String kind) {
    return false;
  }
}
