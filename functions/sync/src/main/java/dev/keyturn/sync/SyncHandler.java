package dev.keyturn.sync;

import dev.keyturn.config.LambdaContexts;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.sync.trigger.TriggerParser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The sync Lambda: every trigger (SecretRotated, SSM change, CloudTrail, schedule, direct dry run)
 * arrives as a plain map, so the runtime's own deserializer accepts every shape.
 */
public class SyncHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  @Inject SyncService service;

  public SyncHandler() {}

  public SyncHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons on demand: see {@link LambdaContexts}. */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    SyncRequest request = TriggerParser.parse(event);
    SyncReport report = service.sync(request);
    if (request.raiseWhenIncomplete() && !report.incomplete().isEmpty()) {
      throw new SyncIncompleteException(request.trigger(), report.incomplete());
    }
    return report.toMap();
  }
}
