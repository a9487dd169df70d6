package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.webhook.http.FunctionUrlEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The webhook function behind a Function URL (payload v2.0), {@code POST /webhooks/{source}}. Every
 * answer is an HTTP response. Only the injected graph is built at start-up: Lambda's default of
 * creating every singleton would also build clients (and core's Heroku client) it never uses.
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
    // LambdaApplicationContextBuilder without eagerInitSingletons (it cannot be switched off)
    return ApplicationContext.builder()
        .environments("function", "lambda")
        .eagerInitConfiguration(true);
  }

  @Override
  public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
    return FunctionUrlEvents.response(service.handle(FunctionUrlEvents.request(event)));
  }
}
