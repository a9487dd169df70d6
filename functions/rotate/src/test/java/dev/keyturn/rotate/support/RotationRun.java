package dev.keyturn.rotate.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.keyturn.local.lambda.LocalLambdaContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends rotation events to the handler as Secrets Manager does: the four steps in order, each as
 * event JSON the Lambda runtime turns into the handler's map; a failed rotation is retried from the
 * first step with the same token. The {@link AwsCallTap} is armed only while the handler runs.
 */
public final class RotationRun {

  public static final List<String> STEPS =
      List.of("createSecret", "setSecret", "testSecret", "finishSecret");

  private final RequestHandler<Map<String, Object>, Map<String, Object>> handler;

  public RotationRun(RequestHandler<Map<String, Object>, Map<String, Object>> handler) {
    this.handler = handler;
  }

  /** One invocation; whatever the handler throws propagates. */
  public Map<String, Object> step(String step, String secretId, String token) {
    return invoke(EventJson.rotationStep(step, secretId, token));
  }

  /** One invocation with raw event JSON. */
  public Map<String, Object> invoke(String eventJson) {
    Map<String, Object> input = EventJson.asLambdaInput(eventJson);
    AwsCallTap.arm(true);
    try {
      return handler.handleRequest(input, LocalLambdaContext.of("keyturn-rotate"));
    } finally {
      AwsCallTap.arm(false);
    }
  }

  /** The four steps once, stopping at the first failure. */
  public void allSteps(String secretId, String token) {
    for (String step : STEPS) {
      step(step, secretId, token);
    }
  }

  /**
   * Runs the rotation until all four steps succeed in one pass, at most {@code attempts} passes.
   *
   * @param beforeStep called with the step name before each invocation (to inject vendor faults)
   * @return how many passes it took
   * @throws AssertionError when it did not converge
   */
  public int untilDone(String secretId, String token, int attempts, Consumer<String> beforeStep) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        for (String step : STEPS) {
          beforeStep.accept(step);
          step(step, secretId, token);
        }
        return attempt;
      } catch (RuntimeException failed) {
        last = failed;
      }
    }
    throw new AssertionError(
        "rotation did not converge in " + attempts + " passes; last failure: " + last);
  }
}
