package dev.keyturn.state;

import java.time.Instant;

/**
 * An operator's one-shot permission for the next rotation of an entry to go through a refusal
 * ({@code keyturn rotate NAME --force}). Names and ids only.
 *
 * @param secretName the inventory entry
 * @param actor who granted it (the STS principal the CLI runs as)
 * @param grantedAt when it was granted
 * @param notAfter when it lapses unused
 */
public record RotationOverride(
    String secretName, String actor, Instant grantedAt, Instant notAfter) {}
