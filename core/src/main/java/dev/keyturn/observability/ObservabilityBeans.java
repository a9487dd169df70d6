package dev.keyturn.observability;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Which {@link Metrics} a context gets. Inside Lambda (micronaut-function-aws starts handler
 * contexts with the {@code lambda} environment): EMF lines on standard output, dimension
 * FunctionName = {@code AWS_LAMBDA_FUNCTION_NAME}. Anywhere else (the CLI, tools): none, so a local
 * run never prints metric JSON among its output.
 */
@Factory
public class ObservabilityBeans {

  /** The environment micronaut-function-aws's LambdaApplicationContextBuilder sets. */
  public static final String LAMBDA_ENVIRONMENT = "lambda";

  @Singleton
  @Requires(env = LAMBDA_ENVIRONMENT)
  public Metrics emfMetrics(
      @Value("${aws.lambda.function.name:keyturn}") String functionName, Clock clock) {
    return EmfMetrics.toStandardOutput(functionName, clock);
  }

  @Singleton
  @Requires(notEnv = LAMBDA_ENVIRONMENT)
  public Metrics noMetrics() {
    return Metrics.NONE;
  }
}
