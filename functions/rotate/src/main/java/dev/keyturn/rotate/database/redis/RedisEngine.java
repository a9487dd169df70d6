package dev.keyturn.rotate.database.redis;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.rotate.database.DatabaseCommandException;
import dev.keyturn.rotate.database.DatabaseEngine;
import dev.keyturn.rotate.database.DatabaseSettings;
import dev.keyturn.rotate.database.DatabaseUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Redis ACL users through Lettuce. Passwords go as their SHA-256 ({@code #<hash>} adds one, {@code
 * !<hash>} removes one; {@link AclRules}), each change is one atomic {@code ACL SETUSER}, and every
 * argument is its own protocol element (nothing is parsed from a concatenated line). A single user
 * must be allowed {@code acl|setuser} (Redis has no self-service password change), which lets it
 * change any user: prefer alternating users with a master. A client is made per operation and shut
 * down after it, so no connection or event loop outlives a step (nor sits in a SnapStart snapshot).
 */
public final class RedisEngine implements DatabaseEngine {

  private static final String SERVER = "redis";

  private final DatabaseSettings settings;

  public RedisEngine(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public Set<Engine> engines() {
    return Set.of(Engine.REDIS);
  }

  /**
   * Whether the credential logs in. A connection that fails for any reason but the server's
   * WRONGPASS is tried once more before the server counts as unavailable: under load the handshake
   * has been seen to fail without WRONGPASS in its causes (the rotation flow test, about one full
   * run in four), and a rotation step should not fail on that.
   */
  @Override
  public boolean canLogin(ConnectionSecret credential) {
    try {
      return loginCheck(credential);
    } catch (DatabaseUnavailableException firstAttempt) {
      return loginCheck(credential);
    }
  }

  private boolean loginCheck(ConnectionSecret credential) {
    try {
      return as(
          credential,
          c -> {
            try {
              c.sync().ping();
            } catch (RedisCommandExecutionException noPing) {
              // authenticated, but not allowed PING: the credential works
            }
            return true;
          });
    } catch (RedisConnectionException e) {
      if (refused(e)) {
        return false;
      }
      throw new DatabaseUnavailableException(
          SERVER, credential.host(), credential.port(), e.getClass().getSimpleName());
    }
  }

  @Override
  public void changeOwnPassword(ConnectionSecret credential, String newPassword) {
    run(
        credential,
        "set own password",
        credential.username(),
        c ->
            acl(
                c,
                "SETUSER",
                credential.username(),
                AclRules.addPassword(newPassword),
                AclRules.removePassword(credential.password())));
  }

  @Override
  public void setPassword(ConnectionSecret master, UserChange user) {
    run(
        master,
        "set password",
        user.name(),
        c -> {
          List<String> users = c.sync().aclUsers();
          if (!users.contains(user.rightsOf())) {
            throw new DatabaseCommandException(
                server(master), "find the original user", user.rightsOf(), "no such user");
          }
          if (!users.contains(user.name()) || user.mirror()) {
            List<String> rules = AclRules.rightsOf(c.sync().aclList(), user.rightsOf());
            String[] args = new String[rules.size() + 5];
            args[0] = "SETUSER";
            args[1] = user.name();
            args[2] = "reset";
            for (int i = 0; i < rules.size(); i++) {
              args[3 + i] = rules.get(i);
            }
            args[args.length - 2] = "on";
            args[args.length - 1] = AclRules.addPassword(user.newPassword());
            return acl(c, args);
          }
          return acl(
              c, "SETUSER", user.name(), "resetpass", AclRules.addPassword(user.newPassword()));
        });
  }

  private void run(
      ConnectionSecret login,
      String operation,
      String user,
      Function<StatefulRedisConnection<String, String>, String> work) {
    try {
      as(login, work);
    } catch (DatabaseCommandException e) {
      throw e;
    } catch (RedisCommandExecutionException e) {
      throw new DatabaseCommandException(server(login), operation, user, errorCode(e));
    } catch (RedisException e) {
      throw new DatabaseCommandException(
          server(login), operation, user, e.getClass().getSimpleName());
    }
  }

  private <T> T as(
      ConnectionSecret login, Function<StatefulRedisConnection<String, String>, T> work) {
    RedisClient client = RedisClient.create();
    try {
      client.setOptions(options());
      try (StatefulRedisConnection<String, String> c =
          client.connect(StringCodec.UTF8, uri(login))) {
        return work.apply(c);
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static String acl(StatefulRedisConnection<String, String> c, String... args) {
    CommandArgs<String, String> arguments = new CommandArgs<>(StringCodec.UTF8);
    for (String a : args) {
      arguments.add(a);
    }
    return c.sync().dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), arguments);
  }

  private RedisURI uri(ConnectionSecret s) {
    RedisURI.Builder uri =
        RedisURI.builder()
            .withHost(s.host())
            .withPort(s.port())
            .withAuthentication(s.username(), s.password().toCharArray())
            .withTimeout(settings.timeout());
    if (settings.useTls(s)) {
      uri.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
    }
    return uri.build();
  }

  private ClientOptions options() {
    SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
    settings.caBundle().ifPresent(ca -> ssl.trustManager(ca.toFile()));
    return ClientOptions.builder()
        .sslOptions(ssl.build())
        .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
        .autoReconnect(false)
        .build();
  }

  /** The server refused the credential: WRONGPASS (bad password, unknown or disabled user). */
  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RedisCommandExecutionException command
          && errorCode(command).equals("WRONGPASS")) {
        return true;
      }
    }
    return false;
  }

  /** The error code Redis puts first in an error reply (e.g. NOPERM), never the rest. */
  private static String errorCode(RedisCommandExecutionException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    int space = message.indexOf(' ');
    String first = space < 0 ? message : message.substring(0, space);
    return first.matches("[A-Z]{2,20}") ? first : "ERR";
  }

  private static String server(ConnectionSecret s) {
    return SERVER + "@" + s.host() + ":" + s.port();
  }
}
