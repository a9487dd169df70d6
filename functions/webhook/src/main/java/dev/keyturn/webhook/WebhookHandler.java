package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.config.LambdaContexts;
import dev.keyturn.webhook.http.FunctionUrlEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The webhook function behind a Lambda Function URL (payload v2.0): {@code POST
 * /webhooks/{source}}. Every answer, rejections included, is an HTTP response; nothing a caller
 * sends makes the invocation fail.
 */
public class WebhookHandler
    extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject WebhookService service;

  public WebhookHandler() {}

  public WebhookHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons on demand: see {@link LambdaContexts}. */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return FunctionUrlEvents.response(service.handle(FunctionUrlEvents.request(event)));
  }
}
