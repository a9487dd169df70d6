package dev.keyturn.heroku;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.BeanContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The remaining time of the current Lambda invocation: micronaut-function-aws registers each
 * invocation's {@link Context} as a bean before the handler runs. Empty outside Lambda.
 */
final class LambdaRemainingTime implements RemainingTime {

  private final BeanContext beans;

  LambdaRemainingTime(BeanContext beans) {
    this.beans = beans;
  }

  @Override
  public Optional<Duration> remaining() {
    return beans
        .findBean(Context.class)
        .map(context -> Duration.ofMillis(context.getRemainingTimeInMillis()));
  }
}
