package dev.keyturn.config;

import dev.keyturn.observability.ObservabilityBeans;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;

/**
 * How every keyturn handler starts its context in Lambda: in the environments
 * micronaut-function-aws's {@code LambdaApplicationContextBuilder} names ({@code function} and
 * {@code lambda}), but with singletons and configuration beans created on demand instead of all at
 * once, and no environment deduction (the environments are named here; deducing walks the stack and
 * probes the host at every start). That builder cannot be told otherwise: it adds
 * {@code @Singleton} to the eagerly created annotations, and {@code eagerInitSingletons(false)}
 * does not take it out.
 *
 * <p>The handler's service graph is injected at init either way, so a missing setting it needs
 * (e.g. {@code keyturn.table}) still fails the init; what is no longer built at init is what the
 * first request does not use (other functions' SDK clients, Micronaut's own configuration beans,
 * the primers). Before a SnapStart snapshot {@link dev.keyturn.snapstart.SnapStartHooks} creates
 * the remaining singletons, so a restored function holds what the eager context held. Measured in
 * benchmarks/coldstart.
 */
public final class LambdaContexts {

  private LambdaContexts() {}

  /** A builder for a handler's context, beans on demand. */
  public static ApplicationContextBuilder builder() {
    return ApplicationContext.builder()
        .environments(Environment.FUNCTION, ObservabilityBeans.LAMBDA_ENVIRONMENT)
        .deduceEnvironment(false)
        .eagerInitConfiguration(false);
  }
}
