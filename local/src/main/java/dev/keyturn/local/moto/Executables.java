package dev.keyturn.local.moto;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds an executable on the PATH the way a shell would, without running a shell. */
final class Executables {

  private static final List<String> WINDOWS_SUFFIXES = List.of("", ".exe", ".cmd", ".bat");

  private Executables() {}

  static Optional<Path> onPath(String name, String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    List<String> suffixes = isWindows() ? WINDOWS_SUFFIXES : List.of("");
    for (String directory : path.split(File.pathSeparator)) {
      for (String suffix : suffixes) {
        Optional<Path> candidate = executable(directory, name + suffix);
        if (candidate.isPresent()) {
          return candidate;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(String directory, String fileName) {
    if (directory.isBlank()) {
      return Optional.empty();
    }
    try {
      Path candidate = Path.of(directory, fileName);
      return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
          ? Optional.of(candidate)
          : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
