package dev.keyturn.state;

import java.time.Instant;
import java.util.Optional;

/**
 * One-shot overrides of a rotation refusal. Secrets Manager invokes the rotation function with the
 * secret, the token and the step only, so the CLI's {@code --force} travels through the table: the
 * CLI grants one before it starts the rotation; the rotation's refusal guard takes it.
 */
public interface RotationOverrideStore {

  /** Grants an override, replacing any earlier one of the entry (used or not). */
  void grant(RotationOverride override);

  /**
   * Takes the entry's override for the rotation {@code token}: answers it when it is unused and not
   * lapsed at {@code now}, or already taken by the same token (a retried step); marks it taken, so
   * no other rotation can use it. Empty otherwise.
   */
  Optional<RotationOverride> take(String secretName, String token, Instant now);
}
