package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.json.Json;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the shaded jar through the Lambda Java runtime's own loader and invokes {@code
 * dev.keyturn.sync.SyncHandler} with raw event JSON, as Lambda would.
 */
class SyncLambdaJarIT {

  private static LambdaRuntimeHarness fn;

  @BeforeAll
  static void load() {
    Path jar = Path.of(System.getProperty("keyturn.sync.lambdaJar", "target/missing.jar"));
    assertThat(Files.isRegularFile(jar)).as("shaded jar built in package: " + jar).isTrue();
    // what the function reads from its environment in Lambda, as JVM-wide properties here
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("keyturn.table", "keyturn-it");
    System.setProperty("heroku.api-token-secret", "keyturn/heroku-token");
    fn = LambdaRuntimeHarness.load(jar, "dev.keyturn.sync.SyncHandler");
  }

  @AfterAll
  static void close() {
    if (fn != null) {
      fn.close();
    }
  }

  @Test
  void handler_acceptsAnEventItDoesNotHandle_andSaysWhy() {
    String response = fn.invoke("{\"detail-type\":\"EC2 Instance State-change\",\"detail\":{}}");

    Map<String, Object> report = Json.map(response);
    assertThat(report).containsEntry("ignored", "unrecognised event type");
    assertThat(report).containsEntry("apps", java.util.List.of());
  }
}
