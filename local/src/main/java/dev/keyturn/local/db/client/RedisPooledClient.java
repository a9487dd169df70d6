package dev.keyturn.local.db.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small pool of Lettuce connections (Lettuce multiplexes, but an app with several pools or
 * processes holds several): a query takes a random one; churn and a credential change replace
 * connections by new logins with the credential held at that moment.
 */
final class RedisPooledClient extends PooledClient {

  private static final int SIZE = 4;

  private final Path caBundle;
  private final String key;
  private final RedisClient client = RedisClient.create();
  private final AtomicReferenceArray<StatefulRedisConnection<String, String>> connections =
      new AtomicReferenceArray<>(SIZE);
  private final AtomicReference<AppCredential> credential = new AtomicReference<>();
  private volatile boolean closed;

  RedisPooledClient(Path caBundle, String key) {
    this.caBundle = caBundle;
    this.key = key;
    client.setOptions(
        ClientOptions.builder()
            .sslOptions(
                SslOptions.builder().jdkSslProvider().trustManager(caBundle.toFile()).build())
            .autoReconnect(false)
            .build());
  }

  @Override
  protected void connect(AppCredential first) {
    credential.set(first);
    for (int i = 0; i < SIZE; i++) {
      connections.set(i, login());
    }
  }

  @Override
  protected void credentialChanged(AppCredential now) {
    credential.set(now);
    for (int i = 0; i < SIZE; i++) {
      replace(i);
    }
  }

  @Override
  protected void churn() {
    replace(ThreadLocalRandom.current().nextInt(SIZE));
  }

  @Override
  protected void query() {
    StatefulRedisConnection<String, String> c =
        connections.get(ThreadLocalRandom.current().nextInt(SIZE));
    if (c == null) {
      throw new IllegalStateException("no connection: the last login failed");
    }
    c.sync().get(key);
  }

  @Override
  protected void disconnect() {
    closed = true;
    for (int i = 0; i < SIZE; i++) {
      StatefulRedisConnection<String, String> c = connections.getAndSet(i, null);
      if (c != null) {
        c.closeAsync();
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private void replace(int slot) {
    StatefulRedisConnection<String, String> fresh;
    try {
      fresh = login();
    } catch (RuntimeException refused) {
      loginFailed(wrongPassword(refused), reason(refused));
      // the slot keeps no usable connection: queries through it fail until a login works
      retire(connections.getAndSet(slot, null));
      throw refused;
    }
    retire(connections.getAndSet(slot, fresh));
  }

  private static boolean wrongPassword(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith("WRONGPASS")) {
        return true;
      }
    }
    return false;
  }

  /** Closes a replaced connection once commands already running on it have finished. */
  private void retire(StatefulRedisConnection<String, String> old) {
    if (old != null) {
      CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
          .execute(() -> {
            if (!closed) { // after disconnect, the client's shutdown closes it
              old.closeAsync();
            }
          });
    }
  }

  private StatefulRedisConnection<String, String> login() {
    AppCredential c = credential.get();
    RedisURI.Builder uri =
        RedisURI.builder()
            .withHost(c.host())
            .withPort(c.port())
            .withAuthentication(c.username(), c.password().toCharArray())
            .withTimeout(Duration.ofSeconds(10));
    if (c.tls()) {
      uri.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
    }
    StatefulRedisConnection<String, String> connection =
        client.connect(StringCodec.UTF8, uri.build());
    loggedIn();
    return connection;
  }
}
