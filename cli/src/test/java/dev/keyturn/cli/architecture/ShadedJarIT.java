package dev.keyturn.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The jar {@code bin/keyturn} runs, as built: what it carries and how it fails. */
class ShadedJarIT {

  @Test
  void jar_carriesNoTestLibrary() throws IOException {
    try (JarFile jar = new JarFile(shadedJar().toFile())) {
      List<String> entries =
          Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();

      assertThat(entries)
          .contains(
              "dev/keyturn/cli/Main.class",
              "dev/keyturn/local/LocalAws.class",
              "META-INF/services/dev.keyturn.local.LocalAwsBackend");
      assertThat(entries)
          .filteredOn(e -> TestLibraries.JAR_ENTRIES.stream().anyMatch(e::startsWith))
          .as("entries of test libraries in the CLI jar")
          .isEmpty();
    }
  }

  @Test
  void demo_withLocalStack_failsWithOneLine_becauseTheJarLeavesTestcontainersOut()
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                shadedJar().toString(),
                "demo",
                "--inventory",
                "../examples/inventory.yaml",
                "--work-dir",
                "target/demo-localstack",
                "--local-aws",
                "localstack")
            .directory(Path.of(System.getProperty("basedir")).toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> err = lines(process.getErrorStream().readAllBytes());

    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(err)
        .singleElement()
        .satisfies(line ->
            assertThat(line)
                .startsWith("keyturn: KEYTURN_LOCAL_AWS=localstack needs Testcontainers")
                .doesNotContain("Exception"));
  }

  private static List<String> lines(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
    return lines;
  }

  private static Path shadedJar() throws IOException {
    Path target = Path.of(System.getProperty("basedir"), "target");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "keyturn-cli-*-all.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new IllegalStateException("no shaded CLI jar in " + target + ": run after package");
  }
}
