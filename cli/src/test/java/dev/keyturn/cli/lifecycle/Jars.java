package dev.keyturn.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.json.Json;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * The rotate, sweep and webhook functions as template.yaml deploys them: each function's shaded jar
 * (built by the function modules' package phase, which the reactor runs before this module's
 * integration tests) loaded by the Lambda runtime's own handler loader with the template's handler.
 * One harness per function is one warm container. Settings are system properties set before {@link
 * #load}.
 */
final class Jars implements AutoCloseable {

  private final LambdaRuntimeHarness rotate;
  private final LambdaRuntimeHarness sweep;
  private final LambdaRuntimeHarness webhook;

  private Jars(
      LambdaRuntimeHarness rotate, LambdaRuntimeHarness sweep, LambdaRuntimeHarness webhook) {
    this.rotate = rotate;
    this.sweep = sweep;
    this.webhook = webhook;
  }

  static Jars load() {
    return new Jars(
        harness("RotateFunction"), harness("SweepFunction"), harness("WebhookFunction"));
  }

  private static LambdaRuntimeHarness harness(String logicalId) {
    TemplateFunction function = TemplateFunction.of(logicalId);
    assertThat(Files.isRegularFile(function.codeUri()))
        .as("shaded jar built in package: " + function.codeUri())
        .isTrue();
    return LambdaRuntimeHarness.load(function.codeUri(), function.handler());
  }

  /** One step of a Secrets Manager rotation, as its event JSON; fails the test if it fails. */
  Map<String, Object> rotationStep(String step, String secretId, String token) {
    ObjectNode event = event("rotation-step.json");
    event.put("Step", step).put("SecretId", secretId).put("ClientRequestToken", token);
    return Json.map(rotate.invoke(event.toString()));
  }

  /** One scheduled sweep (the life cycle runs after it); answers its counts. */
  Map<String, Object> sweep() {
    return Json.map(sweep.invoke(event("scheduled-event.json").toString()));
  }

  /** One Function URL request to the webhook container; answers the response JSON. */
  Map<String, Object> webhook(ObjectNode functionUrlEvent) {
    return Json.map(webhook.invoke(functionUrlEvent.toString()));
  }

  static ObjectNode event(String name) {
    try (InputStream in = Jars.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no event resource " + name);
      }
      return (ObjectNode) Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    rotate.close();
    sweep.close();
    webhook.close();
  }
}
