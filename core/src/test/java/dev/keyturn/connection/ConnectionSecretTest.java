package dev.keyturn.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RDS / ElastiCache secret shape AWS's rotation templates read and write. */
class ConnectionSecretTest {

  private static final String RDS =
      """
      {"engine":"postgres","host":"db.abc.eu-west-1.rds.amazonaws.com","port":5432,
       "username":"app","password":"pw-3xYz-Secret","dbname":"billing",
       "masterarn":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1",
       "dbInstanceIdentifier":"db-1"}
      """;

  @Test
  void parse_readsAnRdsSecret_asAwsWritesIt() {
    ConnectionSecret s = ConnectionSecret.parse(RDS);

    assertThat(s.engine()).isEqualTo(Engine.POSTGRES);
    assertThat(s.host()).isEqualTo("db.abc.eu-west-1.rds.amazonaws.com");
    assertThat(s.port()).isEqualTo(5432);
    assertThat(s.username()).isEqualTo("app");
    assertThat(s.password()).isEqualTo("pw-3xYz-Secret");
    assertThat(s.dbname()).isEqualTo("billing");
    assertThat(s.masterArn()).endsWith("rds!db-1");
    assertThat(s.ssl()).isNull();
  }

  @Test
  void parse_takesAStringPort_andTheEnginesDefaultPortWhenAbsent() {
    assertThat(
            ConnectionSecret.parse(
                    "{\"engine\":\"mysql\",\"host\":\"h\",\"port\":\"3307\","
                        + "\"username\":\"u\",\"password\":\"p\"}")
                .port())
        .isEqualTo(3307);
    assertThat(
            ConnectionSecret.parse(
                    "{\"engine\":\"redis\",\"host\":\"10.0.0.7\",\"username\":\"u\","
                        + "\"password\":\"p\"}")
                .port())
        .isEqualTo(6379);
  }

  @Test
  void parse_readsSslAsABooleanOrItsString_andTreatsAnythingElseAsAbsent() {
    String base = "{\"engine\":\"mariadb\",\"host\":\"h\",\"username\":\"u\",\"password\":\"p\",";
    assertThat(ConnectionSecret.parse(base + "\"ssl\":true}").ssl()).isTrue();
    assertThat(ConnectionSecret.parse(base + "\"ssl\":\"FALSE\"}").ssl()).isFalse();
    assertThat(ConnectionSecret.parse(base + "\"ssl\":\"maybe\"}").ssl()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"postgres", "aurora-postgresql", "mysql", "aurora-mysql", "mariadb", "redis"})
  void parse_acceptsTheEngineNamesAwsUses(String engine) {
    assertThat(
            ConnectionSecret.parse(
                    "{\"engine\":\""
                        + engine
                        + "\",\"host\":\"h\",\"username\":\"u\",\"password\":\"p\"}")
                .engine())
        .isNotNull();
  }

  @Test
  void parse_refusesWhatIsNotAConnectionSecret_namingTheField_neverTheValue() {
    String[][] cases = {
      {"pw-3xYz-Secret", "not a JSON object"},
      {
        "{\"engine\":\"oracle\",\"host\":\"h\",\"username\":\"u\",\"password\":\"pw-3xYz-Secret\"}",
        "'engine'"
      },
      {"{\"engine\":\"postgres\",\"username\":\"u\",\"password\":\"pw-3xYz-Secret\"}", "'host'"},
      {
        "{\"engine\":\"postgres\",\"host\":\"h/evil?x=\",\"username\":\"u\",\"password\":\"pw-3xYz-Secret\"}",
        "'host'"
      },
      {
        "{\"engine\":\"postgres\",\"host\":\"h\",\"username\":\"u\",\"password\":\"\"}",
        "'password'"
      },
      {
        "{\"engine\":\"postgres\",\"host\":\"h\",\"port\":70000,\"username\":\"u\","
            + "\"password\":\"pw-3xYz-Secret\"}",
        "'port'"
      },
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> ConnectionSecret.parse(c[0]))
          .isInstanceOf(MalformedConnectionSecretException.class)
          .hasMessageContaining(c[1])
          .hasMessageNotContaining("pw-3xYz");
    }
  }

  @Test
  void toString_neverShowsThePassword() {
    assertThat(ConnectionSecret.parse(RDS).toString())
        .contains("username=app")
        .doesNotContain("pw-3xYz-Secret");
  }
}
