package dev.keyturn.heroku;

import dev.keyturn.config.CurrentInvocation;
import io.micronaut.context.BeanContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The remaining time of the current Lambda invocation, from {@link CurrentInvocation} (looked up on
 * use: only contexts with micronaut-function-aws have it). Empty outside Lambda.
 */
final class LambdaRemainingTime implements RemainingTime {

  private final BeanContext beans;

  LambdaRemainingTime(BeanContext beans) {
    this.beans = beans;
  }

  @Override
  public Optional<Duration> remaining() {
    return beans
        .findBean(CurrentInvocation.class)
        .flatMap(CurrentInvocation::context)
        .map(context -> Duration.ofMillis(context.getRemainingTimeInMillis()));
  }
}
