package dev.keyturn.testing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.db.RedisServer;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.testing.leak.FileLeakScan;
import dev.keyturn.testing.leak.SecretMatcher;
import dev.keyturn.testing.leak.SeededSecrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithDatabases
class RedisServerTest {

  private static RedisServer redis;

  @BeforeAll
  static void start(RedisServer server) {
    redis = server;
  }

  @Test
  void tlsPort_verifiesTheServerAgainstTheTestCa() {
    try (StatefulRedisConnection<String, String> c =
        redis.connect(RedisServer.ADMIN, redis.adminPassword(), true)) {
      assertThat(c.sync().ping()).isEqualTo("PONG");
    }
  }

  @Test
  void tlsPort_failsVerification_againstAnotherCa(@TempDir Path dir) {
    Path otherCa = TestCertificates.generate(dir).caBundle();
    RedisClient client = RedisClient.create();
    client.setOptions(
        io.lettuce.core.ClientOptions.builder()
            .sslOptions(
                SslOptions.builder().jdkSslProvider().trustManager(otherCa.toFile()).build())
            .build());
    RedisURI uri =
        RedisURI.builder()
            .withHost(redis.host())
            .withPort(redis.tlsPort())
            .withSsl(true)
            .withVerifyPeer(SslVerifyMode.FULL)
            .withAuthentication(RedisServer.ADMIN, redis.adminPassword().toCharArray())
            .withTimeout(Duration.ofSeconds(5))
            .build();
    try {
      assertThatThrownBy(() -> client.connect(uri).close())
          .isInstanceOf(RedisConnectionException.class);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  @Test
  void createUser_setsAPasswordByHash_andTheRules() {
    String password = SeededSecrets.generate("redis-user");
    redis.createUser("app", password, "~app:*", "+@read", "+@write", "+ping");

    try (StatefulRedisConnection<String, String> c = redis.connect("app", password, false)) {
      c.sync().set("app:k", "v");
      assertThat(c.sync().get("app:k")).isEqualTo("v");
    }
    assertThat(redis.aclOf("app")).contains("~app:*").doesNotContain(password);
    assertThat(FileLeakScan.scan(redis.log(), "redis", SecretMatcher.of(Set.of(password))))
        .isEmpty();
  }

  @Test
  void reset_deletesTestUsersAndKeys() {
    redis.createUser("doomed", SeededSecrets.generate("redis-doomed"), "~*", "+@all");
    redis.admin("SET", "leftover", "x");

    redis.reset();

    assertThat(redis.aclOf("doomed")).isNull();
    try (StatefulRedisConnection<String, String> c =
        redis.connect(RedisServer.ADMIN, redis.adminPassword(), false)) {
      assertThat(c.sync().dbsize()).isZero();
    }
  }
}
