package dev.keyturn.cli.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.CliResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/keyturn}'s start-up cache (the JDK's AOT cache of the jar), in a copy of the
 * repository holding the launcher, the built jar and the example inventory: the first run trains
 * it, later runs load their classes from it, and a cache that is stale or damaged never changes
 * what a command prints or returns.
 */
class LauncherCacheIT {

  @TempDir Path root;
  @TempDir Path home;
  private Path jar;

  @BeforeEach
  void copyOfTheRepository() throws Exception {
    Path repository = Path.of(System.getProperty("basedir")).getParent();
    Files.createDirectories(root.resolve("bin"));
    Files.copy(repository.resolve("bin/keyturn"), root.resolve("bin/keyturn"));
    Files.createDirectories(root.resolve("examples"));
    Files.copy(
        repository.resolve("examples/inventory.yaml"), root.resolve("examples/inventory.yaml"));
    Path target = Files.createDirectories(root.resolve("cli/target"));
    jar = target.resolve(ShippedCli.jar().getFileName());
    Files.copy(ShippedCli.jar(), jar);
  }

  @Test
  void firstRun_trainsTheCache_andTheNextRunLoadsKeyturnsClassesFromIt() throws Exception {
    Path classLog = home.resolve("classes.log");

    CliResult first = keyturn(Map.of(), "--version");
    CliResult second =
        keyturn(Map.of("KEYTURN_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "--version");

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.err()).contains("preparing the start-up cache");
    assertThat(caches()).hasSize(1);
    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(second.out()).isEqualTo(first.out()).startsWith("keyturn ");
    assertThat(second.err()).isEmpty();
    assertThat(Files.readString(classLog))
        .contains("dev.keyturn.cli.Main source: shared objects file");
  }

  @Test
  void aDamagedCache_isIgnoredSilently_andAStaleOneIsTrainedAgain() throws Exception {
    CliResult trained = keyturn(Map.of(), "lint", "examples/inventory.yaml");
    Path cache = caches().getFirst();
    Files.writeString(cache, "not an AOT cache");

    CliResult damaged = keyturn(Map.of(), "lint", "examples/inventory.yaml");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    CliResult stale = keyturn(Map.of(), "lint", "examples/inventory.yaml");

    assertThat(damaged.exit()).as(damaged.toString()).isEqualTo(trained.exit());
    assertThat(damaged.out()).isEqualTo(trained.out()).isNotEmpty();
    assertThat(damaged.err()).doesNotContain("AOT", "aot", "error", "warning");
    assertThat(stale.exit()).isEqualTo(trained.exit());
    assertThat(stale.out()).isEqualTo(trained.out());
    assertThat(stale.err()).contains("preparing the start-up cache");
    assertThat(Files.size(caches().getFirst())).isGreaterThan(1_000_000);
  }

  @Test
  void cacheOff_runsWithoutOne() throws Exception {
    CliResult r = keyturn(Map.of("KEYTURN_AOT_CACHE", "off"), "--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("keyturn ");
    assertThat(r.err()).isEmpty();
    assertThat(caches()).isEmpty();
  }

  private List<Path> caches() throws Exception {
    List<Path> caches = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(jar.getParent(), "*.aot")) {
      files.forEach(caches::add);
    }
    return caches;
  }

  private CliResult keyturn(Map<String, String> more, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(root.resolve("bin/keyturn").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(more);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process =
        builder
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(ShippedCli.TIMEOUT_SECONDS * 2, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/keyturn " + String.join(" ", args) + " did not end");
    }
    return new CliResult(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
