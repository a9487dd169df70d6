package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Expiry;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code expiresAt} is valid; near expiry warns, past expiry is an error. */
final class ExpiryRule {

  static final String EXPIRY = "expiry";
  static final Duration WARN_WITHIN = Duration.ofDays(14);

  private ExpiryRule() {}

  static Stream<Finding> expiry(Inventory inventory, LintContext context) {
    return inventory.secrets().stream()
        .filter(e -> e.name() != null && e.expiresAt() != null)
        .flatMap(e -> check(e, context.now()).stream());
  }

  private static Optional<Finding> check(SecretEntry e, Instant now) {
    Optional<Expiry> parsed = Expiry.parse(e.expiresAt());
    if (parsed.isEmpty()) {
      return Optional.of(
          Finding.error(
              e.name(),
              EXPIRY,
              "expiresAt is not an ISO-8601 UTC instant or `non-expiring`",
              "write it like 2026-12-31T00:00:00Z"));
    }
    Optional<Instant> at = parsed.get().instant();
    if (at.isEmpty()) {
      return Optional.empty();
    }
    if (!at.get().isAfter(now)) {
      return Optional.of(
          Finding.error(
              e.name(),
              EXPIRY,
              "expired at " + at.get(),
              "rotate it now: keyturn rotate " + e.name()));
    }
    if (at.get().isBefore(now.plus(WARN_WITHIN))) {
      return Optional.of(
          Finding.warning(
              e.name(),
              EXPIRY,
              "expires within 14 days, at " + at.get(),
              "rotate it before then: keyturn rotate " + e.name()));
    }
    return Optional.empty();
  }
}
