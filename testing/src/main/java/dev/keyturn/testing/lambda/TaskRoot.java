package dev.keyturn.testing.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * <p>A shaded function jar holds thousands of files, so each jar version (name, size, modification
 * time) is extracted once into the module's {@code target/lambda-task-roots/} (the build's own
 * directory: {@code mvn clean} removes it) and shared, read-only as {@code /var/task} is, by every
 * harness of every test JVM that uses that jar.
 *
 * <p>It is never deleted while a JVM runs, nor when one exits: the function's own shutdown hooks
 * (micronaut-function-aws closes its application context in one) load classes from it while the JVM
 * exits. Deleting tens of thousands of extracted files in a shutdown hook of our own made those
 * hooks fail with {@code NoClassDefFoundError} and held the exit past Surefire's 30 s, so Surefire
 * killed the forked JVM ("Surefire is going to kill self fork JVM").
 */
final class TaskRoot {

  private static final Map<Path, Path> EXTRACTED = new ConcurrentHashMap<>();

  private TaskRoot() {}

  /** The extracted directory for this deployment package, extracting it on first use. */
  static Path of(Path deploymentPackage) {
    if (!Files.isRegularFile(deploymentPackage)) {
      throw new IllegalArgumentException("not a file: " + deploymentPackage);
    }
    try {
      Path jar = deploymentPackage.toAbsolutePath().normalize();
      String version =
          jar.getFileName()
              + "-"
              + Files.size(jar)
              + "-"
              + Files.getLastModifiedTime(jar).toMillis();
      return EXTRACTED.computeIfAbsent(roots().resolve(version), root -> extracted(jar, root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + deploymentPackage, e);
    }
  }

  /** {@code <module>/target/lambda-task-roots} under Maven (basedir), else a temp directory's. */
  private static Path roots() throws IOException {
    String basedir = System.getProperty("basedir");
    Path parent =
        basedir != null
            ? Path.of(basedir, "target")
            : Path.of(System.getProperty("java.io.tmpdir"), "keyturn");
    return Files.createDirectories(parent.resolve("lambda-task-roots"));
  }

  /**
   * The root, extracted by this JVM or found complete from an earlier one: extraction goes to a
   * sibling directory first and is renamed into place when complete, so a root is whole or absent.
   */
  private static Path extracted(Path jar, Path root) {
    if (Files.isDirectory(root)) {
      return root;
    }
    try {
      Path partial = Files.createTempDirectory(root.getParent(), root.getFileName() + ".partial-");
      extract(jar, partial);
      try {
        Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException another) {
        // another test JVM finished the same extraction first: use its copy
        deleteRecursively(partial);
      } catch (IOException e) {
        if (!Files.isDirectory(root)) {
          throw e;
        }
        deleteRecursively(partial); // the same race, reported as "directory not empty"
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + jar, e);
    }
  }

  private static void extract(Path deploymentPackage, Path directory) throws IOException {
    try (ZipFile zip = new ZipFile(deploymentPackage.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        extractEntry(zip, entries.nextElement(), directory);
      }
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
      // a leftover partial copy under target/ is harmless
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover file under target/ is harmless
    }
  }
}
