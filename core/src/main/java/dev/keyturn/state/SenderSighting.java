package dev.keyturn.state;

import java.time.Instant;

/**
 * A webhook source's sender was seen signing a verified delivery with a secret version. Names and
 * ids only.
 *
 * @param source the webhook source ({@code POST /webhooks/{source}})
 * @param versionId the secret version the delivery's signature matched
 * @param at when the delivery was verified
 */
public record SenderSighting(String source, String versionId, Instant at) {}
