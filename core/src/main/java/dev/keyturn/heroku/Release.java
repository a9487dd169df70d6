package dev.keyturn.heroku;

/**
 * A Heroku release.
 *
 * @param id the release UUID
 * @param version the app's release number (v42)
 */
public record Release(String id, int version) {}
