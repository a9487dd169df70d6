package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.config.CurrentInvocation;
import dev.keyturn.config.LambdaContexts;
import dev.keyturn.observability.InvocationMdc;
import dev.keyturn.webhook.http.FunctionUrlEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The webhook function behind a Lambda Function URL (payload v2.0): {@code POST
 * /webhooks/{source}}. Every answer, rejections included, is an HTTP response; nothing a caller
 * sends makes the invocation fail.
 */
public class WebhookHandler
    extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject WebhookService service;
  @Inject Clock clock;
  @Inject CurrentInvocation invocations;

  public WebhookHandler() {}

  public WebhookHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    InvocationMdc.triggeredBy(
        event == null || event.getRequestContext() == null
            ? null
            : event.getRequestContext().getRequestId());
    Context context = invocations.context().orElse(null);
    Invocation invocation = Invocation.of(context, clock.instant());
    return FunctionUrlEvents.response(service.handle(FunctionUrlEvents.request(event), invocation));
  }

  /**
   * Singletons on demand (see {@link LambdaContexts}), and the webhook's own defaults below every
   * other property source (environment, system properties): AWS calls time out long before the
   * function does (see {@link WebhookSettings}).
   */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder().propertySources(FunctionDefaults.propertySource());
  }
}
