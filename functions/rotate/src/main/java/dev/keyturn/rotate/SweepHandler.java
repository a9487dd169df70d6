package dev.keyturn.rotate;

import dev.keyturn.config.LambdaContexts;
import dev.keyturn.observability.InvocationMdc;
import dev.keyturn.rotate.lifecycle.LifecycleService;
import dev.keyturn.rotate.sweep.SweepService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled sweep: an EventBridge {@code Scheduled Event} in, the counts of what it did out.
 * After the sweep, the same schedule drives the rotation life cycle (under {@code lifecycle}).
 */
public class SweepHandler
    extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

  static final String SCHEDULED_EVENT = "Scheduled Event";

  @Inject SweepService sweep;
  @Inject LifecycleService lifecycle;

  public SweepHandler() {}

  public SweepHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons on demand: see {@link LambdaContexts}. */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> event) {
    if (event == null || !SCHEDULED_EVENT.equals(event.get("detail-type"))) {
      throw new NotAScheduledEventException();
    }
    InvocationMdc.triggeredBy(event.get("id") instanceof String id ? id : null);
    Map<String, Object> out = new LinkedHashMap<>(sweep.sweep().toMap());
    out.put("lifecycle", lifecycle.advanceAll().toMap());
    return out;
  }

  /** The sweep runs on EventBridge schedules only. Never echoes the input. */
  public static final class NotAScheduledEventException extends RuntimeException {
    public NotAScheduledEventException() {
      super("the sweep expects an EventBridge event with detail-type '" + SCHEDULED_EVENT + "'");
    }
  }
}
