package dev.keyturn.testing.heroku;

import java.time.Instant;
import java.util.UUID;

/**
 * A release of an app. Deliberately carries no config values, so that printing one (in an assertion
 * message, say) cannot leak a secret; read them with {@link HerokuStandIn#configVarsAt(String,
 * int)}.
 *
 * @param current whether this is the app's latest release
 * @param status {@code pending} while its release phase runs, then {@code succeeded} or {@code
 *     failed} (see {@link HerokuStandIn#releasePhase})
 */
public record Release(
    UUID id,
    int version,
    String description,
    Instant createdAt,
    HerokuApp app,
    HerokuUser user,
    boolean current,
    String status) {}
