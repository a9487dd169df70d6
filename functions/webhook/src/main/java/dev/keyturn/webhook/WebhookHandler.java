package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.webhook.http.FunctionUrlEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The webhook function behind a Lambda Function URL (payload v2.0): {@code POST
 * /webhooks/{source}}. Every answer, rejections included, is an HTTP response; nothing a caller
 * sends makes the invocation fail.
 *
 * <p>Only the handler's own object graph is built at start-up (it is injected, so it still exists
 * before a SnapStart snapshot): Lambda's default of creating every singleton on the class path
 * would also build clients and the Heroku token provider this function never uses.
 */
public class WebhookHandler
    extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Inject WebhookService service;

  public WebhookHandler() {}

  public WebhookHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return super.newApplicationContextBuilder().eagerInitSingletons(false);
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return FunctionUrlEvents.response(service.handle(FunctionUrlEvents.request(event)));
  }
}
