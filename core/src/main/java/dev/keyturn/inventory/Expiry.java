package dev.keyturn.inventory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A token's {@code expiresAt}: an ISO-8601 UTC instant or {@code non-expiring}.
 *
 * @param instant the expiry, empty for a non-expiring token
 */
public record Expiry(Optional<Instant> instant) {

  public static final String NON_EXPIRING = "non-expiring";

  /** Parses the raw value; empty when it is null or not a valid expiry. */
  public static Optional<Expiry> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    if (NON_EXPIRING.equals(raw.strip())) {
      return Optional.of(new Expiry(Optional.empty()));
    }
    String value = raw.strip();
    if (!value.endsWith("Z")) {
      return Optional.empty(); // UTC only: an offset other than Z is ambiguous in an audit trail
    }
    try {
      return Optional.of(new Expiry(Optional.of(Instant.parse(value))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
