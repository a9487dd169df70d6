package dev.keyturn.local.db.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The secret's AWSCURRENT value as an app keeps it: read at start, then re-read every {@code
 * refresh} (what a Secrets Manager caching client does); a change is handed to the pool.
 */
final class CurrentCredential implements AutoCloseable {

  private final SecretsManagerClient secrets;
  private final String secretId;
  private final AtomicReference<AppCredential> current = new AtomicReference<>();
  private final Thread poller;
  private volatile boolean running = true;

  CurrentCredential(
      SecretsManagerClient secrets,
      String secretId,
      Duration refresh,
      Consumer<AppCredential> onChange) {
    this.secrets = secrets;
    this.secretId = secretId;
    current.set(read());
    this.poller =
        Thread.ofPlatform()
            .daemon()
            .name("credential-refresh")
            .start(() -> {
              while (running) {
                sleep(refresh);
                try {
                  AppCredential now = read();
                  AppCredential before = current.getAndSet(now);
                  if (!now.equals(before)) {
                    onChange.accept(now);
                  }
                } catch (RuntimeException unavailable) {
                  // keep the last known value, as a cache does
                }
              }
            });
  }

  AppCredential get() {
    return current.get();
  }

  private AppCredential read() {
    return AppCredential.parse(
        secrets
            .getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT"))
            .secretString());
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      running = false;
    }
  }
}
