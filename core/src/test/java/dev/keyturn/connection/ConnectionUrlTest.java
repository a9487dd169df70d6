package dev.keyturn.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code format: url}: the DATABASE_URL / REDIS_URL an app reads. */
class ConnectionUrlTest {

  @Test
  void postgres_composesUserPasswordHostPortAndDatabase() {
    assertThat(url("postgres", "db.example.com", 5432, "app", "pw0", "billing", null))
        .isEqualTo("postgres://app:pw0@db.example.com:5432/billing");
  }

  @Test
  void mysqlAndMariadb_useTheMysqlScheme() {
    assertThat(url("mariadb", "10.1.2.3", 3306, "app", "pw0", "shop", null))
        .isEqualTo("mysql://app:pw0@10.1.2.3:3306/shop");
  }

  @Test
  void redis_hasNoPath_andTlsTurnsItIntoRediss() {
    assertThat(url("redis", "cache", 6379, "app", "pw0", "ignored", null))
        .isEqualTo("redis://app:pw0@cache:6379");
    assertThat(url("redis", "cache", 6380, "app", "pw0", null, true))
        .isEqualTo("rediss://app:pw0@cache:6380");
  }

  @Test
  void postgresWithSsl_asksForTlsInTheUrl() {
    assertThat(url("postgres", "db", 5432, "app", "pw0", "d", true))
        .isEqualTo("postgres://app:pw0@db:5432/d?sslmode=require");
  }

  @Test
  void everyCharacterOutsideTheUnreservedSet_isPercentEncoded_andDecodesBack() {
    String password = "p@ss:w/rd?#[]%+ é~._-";
    String user = "us er@x";
    String composed = url("postgres", "db", 5432, user, password, "my db", null);

    URI parsed = URI.create(composed);
    String[] userInfo = parsed.getRawUserInfo().split(":", 2);
    assertThat(parsed.getHost()).isEqualTo("db");
    assertThat(parsed.getPort()).isEqualTo(5432);
    assertThat(URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8)).isEqualTo(user);
    assertThat(decodePercent(userInfo[1])).isEqualTo(password);
    assertThat(parsed.getPath()).isEqualTo("/my db");
    assertThat(composed).contains(":p%40ss%3Aw%2Frd%3F%23%5B%5D%25%2B%20%C3%A9~._-@");
  }

  @Test
  void ipv6Hosts_areBracketed() {
    assertThat(url("redis", "fd00::7", 6379, "u", "p", null, null))
        .isEqualTo("redis://u:p@[fd00::7]:6379");
  }

  private static String url(
      String engine, String host, int port, String user, String pw, String db, Boolean ssl) {
    return ConnectionUrl.of(
        new ConnectionSecret(
            Engine.named(engine).orElseThrow(), host, port, user, pw, db, null, ssl));
  }

  /** Strict percent-decoding ('+' stays '+', unlike form decoding). */
  private static String decodePercent(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
