package dev.keyturn.local;

import java.nio.file.Path;

/**
 * One way to run a {@link LocalAws}, found through {@link java.util.ServiceLoader} (see {@code
 * META-INF/services}), so a backend whose libraries are absent costs nothing until it is asked for.
 */
public interface LocalAwsBackend {

  /** The value of {@value LocalAwsBackends#VARIABLE} that selects this backend. */
  String name();

  /**
   * Starts it; the caller owns the result.
   *
   * @throws LocalAwsUnavailableException (one line) when this machine cannot run it
   */
  LocalAws start(Path logDirectory);
}
