package dev.keyturn.testing.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The function's {@code /var/task}: Lambda extracts a .jar/.zip deployment package into a directory
 * and the runtime's customer class loader reads that directory (plus {@code lib/*.jar}), not the
 * jar. Extracting here keeps the same semantics, e.g. a multi-release jar's {@code
 * META-INF/versions} are ignored exactly as they are in Lambda.
 */
final class TaskRoot implements AutoCloseable {

  private final Path directory;

  private TaskRoot(Path directory) {
    this.directory = directory;
  }

  static TaskRoot extract(Path deploymentPackage) {
    if (!Files.isRegularFile(deploymentPackage)) {
      throw new IllegalArgumentException("not a file: " + deploymentPackage);
    }
    try {
      Path directory = Files.createTempDirectory("lambda-task-");
      try (ZipFile zip = new ZipFile(deploymentPackage.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          extractEntry(zip, entries.nextElement(), directory);
        }
      }
      return new TaskRoot(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + deploymentPackage, e);
    }
  }

  Path directory() {
    return directory;
  }

  /** Deletes the extracted files. */
  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TaskRoot::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private static void extractEntry(ZipFile zip, ZipEntry entry, Path directory) throws IOException {
    Path target = directory.resolve(entry.getName()).normalize();
    if (!target.startsWith(directory)) {
      throw new IOException("entry escapes the task root: " + entry.getName());
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    try (InputStream in = zip.getInputStream(entry)) {
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover temp file is harmless; failing close() over it would hide the test's result
    }
  }
}
