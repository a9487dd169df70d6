package dev.keyturn.rotate.protocol;

/**
 * What a step did.
 *
 * @param step the step's event name
 * @param secretName the inventory name
 * @param versionId the token (the version being rotated in)
 * @param outcome a short code: {@code created}, {@code already-created}, {@code issued} (by the
 *     vendor), {@code issued-again} (after an earlier attempt for the version), {@code no-vendor},
 *     {@code applied}, {@code live-at-vendor}, {@code well-formed}, {@code proven-at-vendor},
 *     {@code finished}, {@code already-current}
 */
public record StepOutcome(String step, String secretName, String versionId, String outcome) {}
