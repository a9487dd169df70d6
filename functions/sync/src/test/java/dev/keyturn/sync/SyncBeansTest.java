package dev.keyturn.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.heroku.HerokuSettings;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncBeansTest {

  @BeforeAll
  static void region() {
    // SDK clients need a region to be built (nothing is called here)
    System.setProperty("aws.region", "us-east-1");
  }

  @Test
  void context_wiresTheServiceAndReadsHerokuSettingsFromConfiguration() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "keyturn.table", "t",
                "heroku.api-url", "http://127.0.0.1:1/",
                "heroku.api-token-secret", "keyturn/heroku",
                "heroku.request-timeout", "750ms",
                "heroku.retry.max-attempts", "6",
                "keyturn.sync.lease-wait", "1s"))) {

      assertThat(ctx.getBean(SyncService.class)).isNotNull();
      HerokuSettings heroku = ctx.getBean(HerokuSettings.class);
      assertThat(heroku.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
      assertThat(heroku.requestTimeout()).isEqualTo(Duration.ofMillis(750));
      assertThat(heroku.retry().maxAttempts()).isEqualTo(6);
      assertThat(ctx.getBean(SyncSettings.class).leaseWait()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void context_usesProductionDefaults_whenNothingIsConfigured() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of("keyturn.table", "t", "heroku.api-token-secret", "keyturn/heroku"))) {

      HerokuSettings heroku = ctx.getBean(HerokuSettings.class);
      assertThat(heroku.baseUrl()).isEqualTo(URI.create("https://api.heroku.com"));
      assertThat(heroku.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(ctx.getBean(SyncSettings.class)).isEqualTo(SyncSettings.DEFAULTS);
    }
  }
}
