package dev.keyturn.rotate;

import dev.keyturn.config.LambdaContexts;
import dev.keyturn.rotate.protocol.RotationEvent;
import dev.keyturn.rotate.protocol.RotationService;
import dev.keyturn.rotate.protocol.StepOutcome;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secrets Manager rotation function. The input is a plain map so the Lambda runtime's own
 * deserializer accepts the event's capitalised keys and the optional RotationToken.
 */
public class RotateHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  @Inject RotationService rotations;

  public RotateHandler() {}

  public RotateHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons on demand: see {@link LambdaContexts}. */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    StepOutcome outcome = rotations.handle(RotationEvent.fromMap(event));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("step", outcome.step());
    result.put("secretName", outcome.secretName());
    result.put("versionId", outcome.versionId());
    result.put("outcome", outcome.outcome());
    return result;
  }
}
