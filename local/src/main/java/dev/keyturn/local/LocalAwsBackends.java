package dev.keyturn.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Picks the {@link LocalAwsBackend} that {@value #VARIABLE} names; {@value #DEFAULT} unless set.
 */
public final class LocalAwsBackends {

  /** The environment variable that selects the backend. */
  public static final String VARIABLE = "KEYTURN_LOCAL_AWS";

  public static final String DEFAULT = "moto";

  private LocalAwsBackends() {}

  /** Starts the backend {@code selection} names (a value of {@value #VARIABLE}; null: default). */
  public static LocalAws start(String selection, Path logDirectory) {
    try {
      Files.createDirectories(logDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + logDirectory, e);
    }
    return select(selection, available()).start(logDirectory);
  }

  /**
   * The backend {@code selection} names, case and surrounding blanks ignored; null or blank selects
   * {@value #DEFAULT}.
   *
   * @throws LocalAwsUnavailableException naming the value and the known backends, when none has
   *     that name
   */
  public static LocalAwsBackend select(String selection, List<LocalAwsBackend> backends) {
    String name =
        selection == null || selection.isBlank()
            ? DEFAULT
            : selection.strip().toLowerCase(Locale.ROOT);
    return backends.stream()
        .filter(backend -> backend.name().equals(name))
        .findFirst()
        .orElseThrow(() ->
            new LocalAwsUnavailableException(
                VARIABLE
                    + "="
                    + name
                    + " names no local AWS backend (known: "
                    + String.join(", ", backends.stream().map(LocalAwsBackend::name).toList())
                    + ")"));
  }

  /** Every backend on the class path, in service-file order. */
  public static List<LocalAwsBackend> available() {
    return ServiceLoader.load(LocalAwsBackend.class, LocalAwsBackend.class.getClassLoader())
        .stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }
}
