package dev.keyturn.sync.fakes;

import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.SyncSettings;
import dev.keyturn.sync.digest.DigestKey;
import dev.keyturn.sync.digest.PublishedDigests;
import dev.keyturn.sync.sink.SinkPort;
import dev.keyturn.sync.sink.SinkPorts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** A sync service over in-memory ports, for unit tests. */
public final class Services {

  /** A fixed digest key (tests only). */
  public static final PublishedDigests DIGESTS =
      new PublishedDigests(
          DigestKey.fixed(
              "unit-test-digest-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

  private Services() {}

  public static SyncService sync(
      InventoryStore inventory,
      SecretSource secrets,
      InMemoryState state,
      Clock clock,
      Metrics metrics,
      SinkPort... ports) {
    return new SyncService(
        inventory,
        secrets,
        SinkPorts.of(ports),
        DIGESTS,
        state,
        state,
        state,
        clock,
        new SyncSettings("test", Duration.ofMinutes(3), Duration.ZERO),
        metrics);
  }
}
