package dev.keyturn.state;

import java.time.Instant;

/**
 * keyturn pushed a secret version to a webhook source's sender. Names and ids only.
 *
 * @param source the webhook source ({@code POST /webhooks/{source}})
 * @param secretName the inventory entry holding the secret
 * @param versionId the secret version pushed
 * @param target where it went ({@code heroku:app/id}, {@code github:owner/repo/id})
 * @param pushedAt when the sender accepted it
 */
public record SenderPush(
    String source, String secretName, String versionId, String target, Instant pushedAt) {}
