package dev.keyturn.webhook;

import java.util.function.Supplier;

/**
 * A port the function depends on (table, secrets, event bus) failed. Not the caller's fault: the
 * function answers 503 so the provider retries. Carries the dependency's name, never data.
 */
public final class DependencyUnavailableException extends RuntimeException {

  private final String dependency;

  public DependencyUnavailableException(String dependency, Throwable cause) {
    super(dependency + " unavailable: " + cause.getClass().getSimpleName(), cause);
    this.dependency = dependency;
  }

  public String dependency() {
    return dependency;
  }

  /** Runs a port call, naming the dependency if it fails. */
  static <T> T call(String dependency, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw new DependencyUnavailableException(dependency, e);
    }
  }

  static void run(String dependency, Runnable work) {
    call(
        dependency,
        () -> {
          work.run();
          return null;
        });
  }
}
