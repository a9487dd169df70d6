package dev.keyturn.config;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Lambda {@link Context} of the invocation running now, for what needs its request id or
 * remaining time. MicronautRequestHandler hands every invocation's context to the {@link
 * LambdaContextFactory} bean before {@code execute}; micronaut's default registers it (and its
 * logger, client context and identity) as new singletons each time and never drops them, so a warm
 * sandbox grew by four bean registrations per request and every lookup slowed with it (issue 14:
 * 20,000 invocations, 5,000 requests went from 14 s to over 100 s). This one keeps the current
 * context only, and forgets it when the invocation ends ({@link AfterExecutionEvent}, published on
 * success and failure). Per thread: with concurrent invocations in one sandbox (Lambda Managed
 * Instances) each runs on a thread of its own, and one's request id must not become another's.
 *
 * <p>Empty outside an invocation and for an invocation without a context (the SnapStart primer
 * calls handlers with none: micronaut then does not call the factory at all).
 */
@Singleton
@Requires(classes = LambdaContextFactory.class)
@Replaces(DefaultLambdaContextFactory.class)
public class CurrentInvocation
    implements LambdaContextFactory, ApplicationEventListener<AfterExecutionEvent> {

  private final ThreadLocal<Context> current = new ThreadLocal<>();

  /** The running invocation's context; empty outside one. */
  public Optional<Context> context() {
    return Optional.ofNullable(current.get());
  }

  /** Called by micronaut before each invocation with a context: keeps it, registers nothing. */
  @Override
  public void registerSingletons(Context context) {
    current.set(context);
  }

  @Override
  public void onApplicationEvent(AfterExecutionEvent event) {
    current.remove();
  }
}
