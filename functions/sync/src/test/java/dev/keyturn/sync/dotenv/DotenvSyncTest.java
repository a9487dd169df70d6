package dev.keyturn.sync.dotenv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvSyncTest {

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

  @Test
  void sync_writesManagedKeys_keepingEverythingElse() throws IOException {
    secrets.put("keyturn/one", "one$value\"x");
    secrets.put("/keyturn/two", "two");
    Files.writeString(dir.resolve(".env.local"), "# mine\nPORT=1\nONE=old\n");

    List<DotenvResult> results = new DotenvSync(secrets, dir).sync(inventory.secrets(), false);

    assertThat(Files.readString(dir.resolve(".env.local")))
        .isEqualTo("# mine\nPORT=1\nONE=\"one\\$value\\\"x\"\nTWO=\"two\"\n");
    assertThat(Files.readString(dir.resolve("other/.env"))).isEqualTo("TWO=\"two\"\n");
    assertThat(results)
        .extracting(DotenvResult::changed)
        .containsExactly(List.of("ONE", "TWO"), List.of("TWO"));
    assertThat(secrets.currentCalls.get()).isEqualTo(1);
  }

  @Test
  void sync_writesTheNamedJsonField_andRefusesAFileWhoseFieldIsMissing() throws IOException {
    secrets.put("keyturn/alpaca", "{\"key_id\":\"PK1\",\"secret_key\":\"s-1\"}");
    InMemoryInventory withFields =
        new InMemoryInventory(
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

    List<DotenvResult> results = new DotenvSync(secrets, dir).sync(withFields.secrets(), false);

    assertThat(Files.readString(dir.resolve(".env.local")))
        .isEqualTo("ALPACA_KEY_ID=\"PK1\"\nALPACA_SECRET_KEY=\"s-1\"\n");
    assertThat(results)
        .extracting(r -> dir.relativize(r.file()).toString(), DotenvResult::failure)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(".env.local", null),
            org.assertj.core.groups.Tuple.tuple(
                "broken/.env", "source_missing:ALP_PAPER.no_such_field"));
    assertThat(dir.resolve("broken/.env")).doesNotExist();
  }

  @Test
  void sync_formatUrl_writesTheComposedRedisUrl() throws IOException {
    secrets.put(
        "keyturn/cache",
        "{\"engine\":\"redis\",\"host\":\"127.0.0.1\",\"port\":6380,\"username\":\"app\","
            + "\"password\":\"c@che-pw\",\"ssl\":true}");
    InMemoryInventory withUrl =
        new InMemoryInventory(
            """
            version: 1
            secrets:
              - name: RX_CACHE
                source: {secretsManager: keyturn/cache}
                sinks:
                  - dotenv: {file: .env.local, var: REDIS_URL, format: url}
            """);

    new DotenvSync(secrets, dir).sync(withUrl.secrets(), false);

    assertThat(Files.readString(dir.resolve(".env.local")))
        .isEqualTo("REDIS_URL=\"rediss://app:c%40che-pw@127.0.0.1:6380\"\n");
  }

  @Test
  void sync_createsNewFilesOwnerOnly_andLeavesNoTempFiles() throws IOException {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");

    new DotenvSync(secrets, dir).sync(inventory.secrets(), false);

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

    new DotenvSync(secrets, dir).sync(inventory.secrets(), false);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void sync_doesNotRewriteAFileAlreadyInLine() throws IOException {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");
    Path file = dir.resolve(".env.local");
    Files.writeString(file, "ONE=1\nTWO='2'\n");

    List<DotenvResult> results = new DotenvSync(secrets, dir).sync(inventory.secrets(), false);

    assertThat(Files.readString(file)).isEqualTo("ONE=1\nTWO='2'\n");
    assertThat(results.getFirst().changed()).isEmpty();
    assertThat(results.getFirst().unchanged()).containsExactly("ONE", "TWO");
  }

  @Test
  void sync_leavesAFileUntouched_whenOneOfItsSourcesIsMissing() throws IOException {
    secrets.put("keyturn/one", "1");
    Files.writeString(dir.resolve(".env.local"), "ONE=old\n");

    List<DotenvResult> results = new DotenvSync(secrets, dir).sync(inventory.secrets(), false);

    assertThat(Files.readString(dir.resolve(".env.local"))).isEqualTo("ONE=old\n");
    assertThat(results.getFirst().failure()).isEqualTo("source_missing:RX_TWO");
  }

  @Test
  void dryRun_namesChangesWithoutWriting() {
    secrets.put("keyturn/one", "1");
    secrets.put("/keyturn/two", "2");

    List<DotenvResult> results = new DotenvSync(secrets, dir).sync(inventory.secrets(), true);

    assertThat(results.getFirst().changed()).containsExactly("ONE", "TWO");
    assertThat(Files.exists(dir.resolve(".env.local"))).isFalse();
  }
}
