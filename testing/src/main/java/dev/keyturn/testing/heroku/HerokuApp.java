package dev.keyturn.testing.heroku;

import java.time.Instant;
import java.util.UUID;

/**
 * An app created in the stand-in. Its config vars are read with {@link HerokuStandIn#configVars}.
 */
public record HerokuApp(UUID id, String name, Instant createdAt) {}
