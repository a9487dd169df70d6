package dev.keyturn.rotate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.json.Json;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** createSecret's half of the database types: the next value, from the current one. */
class DatabaseCredentialGeneratorTest {

  private final FakeRandomPasswordPort passwords = new FakeRandomPasswordPort();

  private DatabaseCredentialGenerator generator(DatabaseType type) {
    return new DatabaseCredentialGenerator(type, passwords);
  }

  private static String value(String engine, String user, boolean master) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("engine", engine);
    v.put("host", "db.internal");
    v.put("port", 5432);
    v.put("username", user);
    v.put("password", "old-pass-0000000000000001");
    v.put("dbname", "shop");
    v.put("dbClusterIdentifier", "shop-cluster");
    if (master) {
      v.put("masterarn", "arn:aws:secretsmanager:us-east-1:1:secret:master");
    }
    return Json.write(v);
  }

  @Test
  void singleUser_keepsTheUserAndEveryOtherField_andDrawsAUrlSafePassword() {
    String next =
        generator(DatabaseType.POSTGRES_SINGLE_USER)
            .generate(new GenerationRequest("RX_DB", Map.of(), value("postgres", "app", false)));

    var node = Json.tree(next);
    assertThat(node.path("username").asText()).isEqualTo("app");
    assertThat(node.path("dbClusterIdentifier").asText()).isEqualTo("shop-cluster");
    assertThat(node.path("port").asInt()).isEqualTo(5432);
    String password = node.path("password").asText();
    assertThat(password).hasSize(32).matches("[A-Za-z0-9._~-]+");
    assertThat(passwords.policies().getFirst().excludeCharacters())
        .contains("@", ":", "/", "'", "\"", "\\", "%", "`", "$", "#", "?");
  }

  @Test
  void alternatingUsers_switchToTheOtherUserOfThePair_bothWays() {
    DatabaseCredentialGenerator g = generator(DatabaseType.MYSQL_ALTERNATING_USERS);

    String toClone =
        g.generate(new GenerationRequest("RX_DB", Map.of(), value("mariadb", "app", true)));
    String back = g.generate(new GenerationRequest("RX_DB", Map.of(), toClone));

    assertThat(Json.tree(toClone).path("username").asText()).isEqualTo("app_clone");
    assertThat(Json.tree(back).path("username").asText()).isEqualTo("app");
    assertThat(Json.tree(back).path("masterarn").asText()).endsWith(":secret:master");
  }

  @Test
  void alternatingUsers_needAMasterArn() {
    assertThatThrownBy(() ->
            generator(DatabaseType.POSTGRES_ALTERNATING_USERS)
                .generate(
                    new GenerationRequest("RX_DB", Map.of(), value("postgres", "app", false))))
        .isInstanceOf(CorruptCurrentValueException.class)
        .hasMessageContaining("'masterarn' is missing")
        .hasMessageNotContaining("old-pass");
  }

  @Test
  void aValueOfAnotherEngine_orNoConnectionSecret_isRefused_namingNeverTheValue() {
    DatabaseCredentialGenerator g = generator(DatabaseType.REDIS_SINGLE_USER);
    for (String current : new String[] {value("postgres", "app", false), "old-pass-plain"}) {
      assertThatThrownBy(() -> g.generate(new GenerationRequest("RX_DB", Map.of(), current)))
          .isInstanceOf(CorruptCurrentValueException.class)
          .hasMessageContaining("RX_DB")
          .hasMessageNotContaining("old-pass");
    }
  }

  @Test
  void aCloneNameLongerThanTheEngineAllows_isRefused() {
    String longUser = "u".repeat(60);

    assertThatThrownBy(() ->
            generator(DatabaseType.POSTGRES_ALTERNATING_USERS)
                .generate(
                    new GenerationRequest("RX_DB", Map.of(), value("postgres", longUser, true))))
        .isInstanceOf(CorruptCurrentValueException.class)
        .hasMessageContaining("63 characters");
  }

  @Test
  void options_lengthAndMoreExcludedCharacters_areHonoured_andBadOnesReported() {
    DatabaseCredentialGenerator g = generator(DatabaseType.REDIS_SINGLE_USER);
    String next =
        g.generate(
            new GenerationRequest(
                "RX_CACHE",
                Map.of("length", "48", "excludeCharacters", "~"),
                "{\"engine\":\"redis\",\"host\":\"h\",\"username\":\"u\",\"password\":\"p\"}"));

    assertThat(Json.tree(next).path("password").asText()).hasSize(48).doesNotContain("~");
    assertThat(g.validate(Map.of("length", "8", "colour", "red")))
        .hasSize(2)
        .anyMatch(p -> p.contains("'length'"))
        .anyMatch(p -> p.contains("'colour'"));
    assertThat(g.validate(Map.of("excludeCharacters", "0123456789")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("numbers"));
  }

  @Test
  void checkWellFormed_acceptsWhatGenerateMade_andRefusesAnUnsafePassword() {
    DatabaseCredentialGenerator g = generator(DatabaseType.POSTGRES_SINGLE_USER);
    String made =
        g.generate(new GenerationRequest("RX_DB", Map.of(), value("postgres", "a", false)));
    g.checkWellFormed(made, Map.of());
    String unsafe = made.replaceFirst("\"password\":\".", "\"password\":\"@");

    assertThatThrownBy(() -> g.checkWellFormed(unsafe, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("excludes");
  }
}
