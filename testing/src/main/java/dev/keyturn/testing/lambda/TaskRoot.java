package dev.keyturn.testing.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The function's {@code /var/task}: Lambda extracts a .jar/.zip deployment package into a directory
 * and the runtime's customer class loader reads that directory (plus {@code lib/*.jar}), not the
 * jar. Extracting keeps the same semantics, e.g. a multi-release jar's {@code META-INF/versions}
 * are ignored exactly as they are in Lambda.
 *
 * <p>A shaded function jar holds thousands of files, so each jar (by path, size and modification
 * time) is extracted once per JVM and shared, read-only as {@code /var/task} is; the directories
 * are deleted when the JVM exits.
 */
final class TaskRoot {

  private record JarVersion(Path jar, long size, FileTime modified) {}

  private static final Map<JarVersion, Path> EXTRACTED = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(() -> EXTRACTED.values().forEach(TaskRoot::deleteRecursively)));
  }

  private TaskRoot() {}

  /** The extracted directory for this deployment package, extracting it on first use. */
  static Path of(Path deploymentPackage) {
    if (!Files.isRegularFile(deploymentPackage)) {
      throw new IllegalArgumentException("not a file: " + deploymentPackage);
    }
    try {
      JarVersion version =
          new JarVersion(
              deploymentPackage.toAbsolutePath().normalize(),
              Files.size(deploymentPackage),
              Files.getLastModifiedTime(deploymentPackage));
      return EXTRACTED.computeIfAbsent(version, key -> extract(key.jar()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + deploymentPackage, e);
    }
  }

  private static Path extract(Path deploymentPackage) {
    try {
      Path directory = Files.createTempDirectory("lambda-task-");
      try (ZipFile zip = new ZipFile(deploymentPackage.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          extractEntry(zip, entries.nextElement(), directory);
        }
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + deploymentPackage, e);
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
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TaskRoot::deleteQuietly);
    } catch (IOException ignored) {
      // best effort at JVM exit; the OS cleans temporary directories too
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
