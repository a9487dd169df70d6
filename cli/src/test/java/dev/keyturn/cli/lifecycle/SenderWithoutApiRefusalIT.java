package dev.keyturn.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.lambda.LambdaInvocationException;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's FreeScout done-when, end to end through the rotate and webhook shaded jars (the Lambda
 * Java runtime's own handler loader, event JSON) against moto and DynamoDB Local: a generated
 * Secrets Manager secret signs a {@code freescout} source, whose sender keyturn cannot reach (no
 * {@code sender} binding). The second rotation is refused while the sender still signs with the
 * previous version, and allowed once a delivery signed with the current one was verified.
 */
@WithLocalAws
class SenderWithoutApiRefusalIT {

  private static final Duration INVENTORY_TTL = Duration.ofSeconds(1);

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "keyturn.event-bus", "keyturn",
          "keyturn.webhook.secret-ttl", "2s",
          "keyturn.webhook.inventory-ttl", INVENTORY_TTL.toSeconds() + "s");

  private static Jars jars;
  private static SecretsManagerRotationDriver driver;
  private static State state;

  @BeforeAll
  static void load(LocalAws aws) {
    PROPERTIES.forEach(System::setProperty);
    driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    state = new State(aws);
    jars = Jars.load();
  }

  @AfterAll
  static void close() {
    if (jars != null) {
      jars.close();
    }
    if (state != null) {
      state.close();
    }
    PROPERTIES.keySet().forEach(System::clearProperty);
  }

  @Test
  void freescoutSource_secondRotationIsRefused_untilADeliveryWithTheCurrentVersionIsVerified()
      throws InterruptedException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String entry = "FS_" + suffix.toUpperCase();
    String source = "freescout-" + suffix;
    String first = SeededSecrets.generate("fs");
    var created = driver.createSecret("keyturn/test/fs-" + suffix, first);
    String arn = created.arn();
    String v1 = created.versionId();
    state.addHook(entry, "keyturn/test/fs-" + suffix, source, "freescout", null);
    Thread.sleep(INVENTORY_TTL.toMillis()); // the warm container may have read the sources before
    Deliveries deliveries = new Deliveries(jars, source, "freescout");

    String v2 = driver.startRotation(arn);
    allSteps(arn, v2);
    String second = SeededSecrets.register(driver.valueOf(arn, v2));
    assertThat(current(arn)).as("rotation 1 goes through: the sender was never seen").isEqualTo(v2);

    deliveries.expect(first, 202); // the sender still signs with the old version (AWSPREVIOUS)
    assertThat(state.sighting(source)).as("sighting on the old version").contains(v1);

    Instant before = Instant.now().minusSeconds(1);
    String refused = driver.startRotation(arn);
    assertThatThrownBy(() -> jars.rotationStep("createSecret", arn, refused))
        .isInstanceOfSatisfying(
            LambdaInvocationException.class,
            e -> {
              assertThat(e.errorType()).endsWith("SenderBehindException");
              assertThat(e.errorMessage())
                  .startsWith(
                      "rotation of "
                          + entry
                          + " refused: sender of "
                          + source
                          + " last signed with version "
                          + v1);
            });
    assertThat(driver.stages(arn))
        .as("nothing written, AWSPENDING taken off")
        .containsEntry(refused, List.of())
        .containsEntry(v2, List.of("AWSCURRENT"))
        .containsEntry(v1, List.of("AWSPREVIOUS"));
    assertThat(state.audited(entry, "rotation.refused", before))
        .singleElement()
        .satisfies(e -> assertRefusal(e, source, v1));

    deliveries.expect(second, 202); // the sender switched to the current version
    assertThat(state.sighting(source)).as("sighting on the current version").contains(v2);

    String v3 = driver.startRotation(arn);
    allSteps(arn, v3);
    SeededSecrets.register(driver.valueOf(arn, v3));
    assertThat(current(arn)).as("rotation 3 is allowed and finishes").isEqualTo(v3);
    assertThat(state.audited(entry, "rotation.refused", before)).hasSize(1);
  }

  private static void assertRefusal(AuditEvent e, String source, String v1) {
    assertThat(e.outcome()).isEqualTo("refused");
    assertThat(e.detail()).containsEntry("source", source).containsEntry("lastSignedWith", v1);
  }

  private static void allSteps(String arn, String token) {
    for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
      jars.rotationStep(step, arn, token);
    }
  }

  private static String current(String arn) {
    return driver.stages(arn).entrySet().stream()
        .filter(e -> e.getValue().contains("AWSCURRENT"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
