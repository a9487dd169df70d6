package dev.keyturn.benchmarks.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's jar unpacked as Lambda unpacks a deployment package into {@code /var/task}: the
 * runtime puts that directory (not the jar) on the class path, so classes and Micronaut's service
 * entries are read from files. Unpacked once per jar; again when the jar is newer.
 */
final class TaskRoot {

  private TaskRoot() {}

  /** The directory holding the jar's entries, under {@code parent}. */
  static Path of(Path jar, Path parent) {
    Path root = parent.resolve(jar.getFileName().toString().replaceFirst("\\.jar$", ""));
    Path marker = root.resolve(".unpacked");
    try {
      if (Files.exists(marker)
          && !Files.getLastModifiedTime(jar)
              .toInstant()
              .isAfter(Files.getLastModifiedTime(marker).toInstant())) {
        return root;
      }
      delete(root);
      Files.createDirectories(root);
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          Path target = root.resolve(entry.getName()).normalize();
          if (!target.startsWith(root)) {
            throw new IOException("entry outside the task root: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
      Files.createFile(marker);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + jar, e);
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
