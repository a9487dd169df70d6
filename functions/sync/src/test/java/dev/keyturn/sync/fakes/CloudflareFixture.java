package dev.keyturn.sync.fakes;

import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.sync.cloudflare.CloudflareApi;
import dev.keyturn.sync.cloudflare.CloudflareSettings;
import dev.keyturn.sync.cloudflare.CloudflareSinkPort;
import dev.keyturn.sync.sink.SecretToken;
import dev.keyturn.testing.cloudflare.CloudflareStandIn;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** The production Cloudflare adapter pointed at the stand-in, with short waits for the faults. */
public final class CloudflareFixture {

  public static final String TOKEN_ID = "keyturn/test/cloudflare-token";

  private CloudflareFixture() {}

  public static CloudflareSinkPort port(CloudflareStandIn cloudflare, InMemorySecrets secrets) {
    secrets.put(TOKEN_ID, cloudflare.defaultToken());
    return new CloudflareSinkPort(
        new CloudflareApi(
            new CloudflareSettings(
                cloudflare.baseUrl(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20)),
                Duration.ofSeconds(2)),
            new SecretToken(secrets, TOKEN_ID, "CLOUDFLARE_API_TOKEN_SECRET"),
            RandomGenerator.getDefault()));
  }
}
