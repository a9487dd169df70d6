package dev.keyturn.evidence;

import java.time.Instant;

/**
 * What keyturn last published to one variable of one target, and whether it was confirmed.
 *
 * @param entry the inventory entry
 * @param kind {@code heroku}, {@code github}, {@code cloudflare}, {@code dotenv}
 * @param target the target's key
 * @param var the variable
 * @param publishedVersion the source version last published there; null if never
 * @param syncedAt when
 * @param releaseVersion the Heroku release that carried it
 * @param confirmedAt when Heroku confirmed that release (the dyno restarted with it)
 * @param confirmation {@code confirmed}, {@code unconfirmed}, {@code never-synced}, or {@code
 *     not-applicable} for kinds without confirmations
 */
public record SinkRow(
    String entry,
    String kind,
    String target,
    String var,
    String publishedVersion,
    Instant syncedAt,
    Integer releaseVersion,
    Instant confirmedAt,
    String confirmation) {

  public static final String CONFIRMED = "confirmed";
  public static final String UNCONFIRMED = "unconfirmed";
  public static final String NEVER_SYNCED = "never-synced";
  public static final String NOT_APPLICABLE = "not-applicable";
}
