package dev.keyturn.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.keyturn.local.lambda.LocalLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaContextFactory;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CurrentInvocationTest {

  private final CurrentInvocation invocations = new CurrentInvocation();

  @Test
  void anInvocationsContext_isTheCurrentOne_untilTheInvocationEnds() {
    LocalLambdaContext context = LocalLambdaContext.of("keyturn-webhook", "req-1");

    invocations.registerSingletons(context);
    assertThat(invocations.context()).containsSame(context);

    invocations.onApplicationEvent(AfterExecutionEvent.success(context, "ok"));
    assertThat(invocations.context()).isEmpty();
  }

  @Test
  void theNextInvocation_replacesThePreviousContext() {
    invocations.registerSingletons(LocalLambdaContext.of("keyturn-webhook", "req-1"));
    LocalLambdaContext next = LocalLambdaContext.of("keyturn-webhook", "req-2");

    invocations.registerSingletons(next);

    assertThat(invocations.context()).containsSame(next);
  }

  @Test
  void anotherThreadsInvocation_doesNotSeeThisOnesContext() throws InterruptedException {
    invocations.registerSingletons(LocalLambdaContext.of("keyturn-webhook", "req-1"));
    AtomicReference<Object> seen = new AtomicReference<>("unset");

    Thread other = Thread.ofPlatform().start(() -> seen.set(invocations.context()));
    other.join();

    assertThat(seen.get()).isEqualTo(java.util.Optional.empty());
  }

  @Test
  void inAHandlersContext_itReplacesMicronautsFactory() {
    try (ApplicationContext context = LambdaContexts.builder().start()) {
      assertThat(context.getBean(LambdaContextFactory.class)).isInstanceOf(CurrentInvocation.class);
    }
  }

  @Test
  void thousandsOfInvocations_registerNoBean_andEachSeesItsOwnContext() {
    try (RecordingHandler handler = new RecordingHandler()) {
      for (int i = 0; i < 2_000; i++) {
        handler.handleRequest("event", LocalLambdaContext.of("keyturn-webhook", "req-" + i));
      }

      ApplicationContext beans = handler.getApplicationContext();
      assertThat(beans.getBeanDefinitions(Context.class)).isEmpty();
      assertThat(beans.getBeanDefinitions(LambdaLogger.class)).isEmpty();
      assertThat(beans.getBeanDefinitions(ClientContext.class)).isEmpty();
      assertThat(beans.getBeanDefinitions(CognitoIdentity.class)).isEmpty();
      assertThat(handler.requestIds).hasSize(2_000).startsWith("req-0").endsWith("req-1999");
      assertThat(beans.getBean(CurrentInvocation.class).context()).isEmpty();
    }
  }

  @Test
  void anInvocationWithoutAContext_seesNone_evenAfterOneWithAContext() {
    try (RecordingHandler handler = new RecordingHandler()) {
      handler.handleRequest("event", LocalLambdaContext.of("keyturn-webhook", "req-1"));
      handler.handleRequest("primed", null);

      assertThat(handler.requestIds).containsExactly("req-1", null);
    }
  }

  /** A handler like keyturn's: reads the current context in execute. */
  static class RecordingHandler extends MicronautRequestHandler<String, String> {

    @Inject CurrentInvocation invocations;
    final List<String> requestIds = new ArrayList<>();

    @Override
    protected io.micronaut.context.ApplicationContextBuilder newApplicationContextBuilder() {
      return LambdaContexts.builder();
    }

    @Override
    public String execute(String input) {
      requestIds.add(invocations.context().map(Context::getAwsRequestId).orElse(null));
      return input;
    }
  }
}
