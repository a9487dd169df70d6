package dev.keyturn.heroku;

/**
 * An app webhook subscription as Heroku describes it. Heroku never returns the signing secret.
 *
 * @param id the webhook's id
 * @param url where Heroku delivers
 * @param updatedAt when it last changed (ISO-8601, as Heroku reports it)
 */
public record AppWebhook(String id, String url, String updatedAt) {}
