package dev.keyturn.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where emulator logs go: the module's target/local-aws in a Maven build, else a temp dir. */
final class LogDirectory {

  private LogDirectory() {}

  static Path resolve() {
    try {
      Optional<Path> target = mavenTarget();
      if (target.isPresent()) {
        return Files.createDirectories(target.get().resolve("local-aws"));
      }
      return Files.createTempDirectory("keyturn-local-aws");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for emulator logs", e);
    }
  }

  // surefire and failsafe set "basedir" to the module directory; outside them it is absent
  private static Optional<Path> mavenTarget() {
    String basedir = System.getProperty("basedir");
    if (basedir == null || basedir.isBlank()) {
      return Optional.empty();
    }
    Path module = Path.of(basedir);
    return Files.isRegularFile(module.resolve("pom.xml"))
        ? Optional.of(module.resolve("target"))
        : Optional.empty();
  }
}
