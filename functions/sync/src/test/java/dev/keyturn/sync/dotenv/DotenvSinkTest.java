package dev.keyturn.sync.dotenv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.observability.Metrics;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .env} files through the same sync as every other target (the dotenv sink adapter). */
class DotenvSinkTest {

  private static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - dotenv: {file: .env.local, var: ONE}
        - name: RX_TWO
          source: {ssmParameter: /keyturn/two}
          sinks:
            - dotenv: {file: .env.local, var: TWO}
            - dotenv: {file: other/.env, var: TWO}
      """;

  @TempDir Path dir;
  private final InMemorySecrets secrets = new InMemorySecrets();
  private final InMemoryInventory inventory = new InMemoryInventory(INVENTORY);
  private final InMemoryState state = new InMemoryState();

  private SyncReport sync(boolean dryRun) {
    SyncService service =
        Services.sync(
            inventory, secrets, state, Clock.systemUTC(), Metrics.NONE, new DotenvSinkPort(dir));
    return service.sync(new SyncRequest(new Scope.AllSinks(), dryRun, "test", false));
  }

  private static AppResult file(SyncReport report, String file) {
    return report.apps().stream()
        .filter(a -> a.app().equals("dotenv:" + file))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sync_writesManagedKeys_keepingEverythingElse() throws IOException {
    secrets.put("keyturn/one", "one$value\"x");
    secrets.put("/keyturn/two", "two");
    Files.writeString(dir.resolve(".env.local"), "# mine\nPORT=1\nONE=old\n");

    SyncReport report = sync(false);

    assertThat(Files.readString(dir.resolve(".env.local")))
        .isEqualTo("# mine\nPORT=1\nONE=\"one\\$value\\\"x\"\nTWO=\"two\"\n");
    assertThat(Files.readString(dir.resolve("other/.env"))).isEqualTo("TWO=\"two\"\n");
    assertThat(file(report, ".env.local").set()).containsExactly("ONE", "TWO");
    assertThat(file(report, "other/.env").set()).containsExactly("TWO");
    assertThat(secrets.currentCalls.get()).isEqualTo(1);
  }

  @Test
  void sync_writesTheNamedJsonField_andRefusesAFileWhoseFieldIsMissing() throws IOException {
    secrets.put("keyturn/alpaca", "{\"key_id\":\"PK1\",\"secret_key\":\"s-1\"}");
    inventory.replace(
        """
        version: 1
        secrets:
          - name: ALP_PAPER
            source: {secretsManager: keyturn/alpaca}
            sinks:
              - dotenv: {file: .env.local, var: ALPACA_KEY_ID, field: key_id}
              - dotenv: {file: .env.local, var: ALPACA_SECRET_KEY, field: secret_key}
              - dotenv: {file: broken/.env, var: ALPACA_OTHER, field: no_such_field}
        """);

    SyncReport report = sync(false);

    assertThat(Files.readString(dir.resolve(".env.local")))
        .isEqualTo("ALPACA_KEY_ID=\"PK1\"\nALPACA_SECRET_KEY=\"s-1\"\n");
    assertThat(file(report, "broken/.env").reason())
        .isEqualTo("field_missing:ALP_PAPER.no_such_field");
    assertThat(dir.resolve("broken/.env")).doesNotExist();
  }

  @Test
  void sync_createsNewFilesOwnerOnly_andLeavesNoTempFiles() throws IOException {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");

    sync(false);

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".env.local"))))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".env.local", "other");
    }
  }

  @Test
  void sync_keepsAnExistingFilesPermissions() throws IOException {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");
    Path file = dir.resolve(".env.local");
    Files.writeString(file, "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    sync(false);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void sync_doesNotRewriteAFileAlreadyInLine() throws IOException {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");
    Path file = dir.resolve(".env.local");
    Files.writeString(file, "ONE=1\nTWO='2'\n");

    SyncReport report = sync(false);

    assertThat(Files.readString(file)).isEqualTo("ONE=1\nTWO='2'\n");
    assertThat(file(report, ".env.local").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void sync_leavesAFileUntouched_whenOneOfItsSourcesIsMissing() throws IOException {
    secrets.put("keyturn/one", "1");
    Files.writeString(dir.resolve(".env.local"), "ONE=old\n");

    SyncReport report = sync(false);

    assertThat(Files.readString(dir.resolve(".env.local"))).isEqualTo("ONE=old\n");
    assertThat(file(report, ".env.local").reason()).isEqualTo("source_missing:RX_TWO");
  }

  @Test
  void dryRun_namesChangesWithoutWriting() {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");

    SyncReport report = sync(true);

    assertThat(file(report, ".env.local").set()).containsExactly("ONE", "TWO");
    assertThat(Files.exists(dir.resolve(".env.local"))).isFalse();
  }

  @Test
  void renameMigration_worksForDotenvToo_andDeletesTheOldLineOnce() throws IOException {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");
    inventory.replace(INVENTORY.replace("var: ONE}", "var: ONE, previousVar: OLD_ONE}"));
    sync(false);
    assertThat(Files.readString(dir.resolve(".env.local"))).contains("OLD_ONE=\"1\"", "ONE=\"1\"");

    inventory.replace(INVENTORY);
    SyncReport report = sync(false);
    SyncReport again = sync(false);

    assertThat(file(report, ".env.local").removed()).containsExactly("OLD_ONE");
    assertThat(Files.readString(dir.resolve(".env.local"))).doesNotContain("OLD_ONE");
    assertThat(file(again, ".env.local").outcome()).isEqualTo(Outcome.UNCHANGED);
  }
}
