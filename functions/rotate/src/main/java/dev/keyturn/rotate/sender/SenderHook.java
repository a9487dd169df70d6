package dev.keyturn.rotate.sender;

/**
 * A webhook as its sender describes it (never its secret).
 *
 * @param target the binding's target ({@code heroku:app/id}, {@code github:owner/repo/id})
 * @param url where the sender delivers
 * @param updatedAt when the sender last changed it (as the sender reports it), or null
 */
public record SenderHook(String target, String url, String updatedAt) {}
