package dev.keyturn.local.db;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Redis from the Debian package ({@code redis-server}), as a process of this JVM on 127.0.0.1: a
 * plain port and a TLS port (the shared test CA), no persistence, ACL users. The {@code default}
 * user is the administrator, with a password set by its SHA-256 hash; users this class creates get
 * {@code #<hash>} too. Redis logs no commands; {@link #log()} is its server log.
 */
public final class RedisServer implements AutoCloseable {

  public static final String NAME = "redis";
  public static final String ADMIN = "default";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final int ATTEMPTS = 3;

  private final ServerHome home;
  private final Path executable;
  private final String adminPassword;
  private final TestCertificates certificates;
  private final RedisClient client = RedisClient.create();
  private Process process;
  private int port;
  private int tlsPort;
  private boolean stopped;

  private RedisServer(
      ServerHome home, Path executable, String adminPassword, TestCertificates certificates) {
    this.home = home;
    this.executable = executable;
    this.adminPassword = adminPassword;
    this.certificates = certificates;
  }

  /** Starts a new server; the caller closes it. */
  public static RedisServer start(TestCertificates tls) {
    Path executable =
        MariaDbProcess.onPath("redis-server")
            .or(() -> java.util.Optional.of(Path.of("/usr/bin/redis-server")))
            .filter(Files::isExecutable)
            .orElseThrow(() -> new ServerNotInstalledException("redis-server", "redis-server"));
    RedisServer redis =
        new RedisServer(
            ServerHome.create("redis"), executable, AdminPasswords.generate("redis"), tls);
    try {
      redis.launch();
      return redis;
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  public String host() {
    return LoopbackPorts.HOST;
  }

  /** The plain-text port. */
  public int port() {
    return port;
  }

  /** The TLS port. */
  public int tlsPort() {
    return tlsPort;
  }

  public Path log() {
    return home.resolve("redis.log");
  }

  public TestCertificates certificates() {
    return certificates;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** A new connection as {@code user}; {@code tls} uses the TLS port and verifies the server. */
  public StatefulRedisConnection<String, String> connect(
      String user, String password, boolean tls) {
    RedisURI.Builder uri =
        RedisURI.builder()
            .withHost(host())
            .withPort(tls ? tlsPort : port)
            .withAuthentication(user, password.toCharArray())
            .withTimeout(Duration.ofSeconds(5));
    if (tls) {
      uri.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
    }
    synchronized (client) {
      client.setOptions(
          ClientOptions.builder()
              .sslOptions(
                  SslOptions.builder()
                      .jdkSslProvider()
                      .trustManager(certificates.caBundle().toFile())
                      .build())
              .build());
      return client.connect(StringCodec.UTF8, uri.build());
    }
  }

  /** Runs one command as the administrator, e.g. {@code admin("ACL", "SETUSER", ...)}. */
  public String admin(String command, String... arguments) {
    try (StatefulRedisConnection<String, String> c = connect(ADMIN, adminPassword, false)) {
      CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
      for (String a : arguments) {
        args.add(a);
      }
      return c.sync()
          .dispatch(CommandType.valueOf(command), new StatusOutput<>(StringCodec.UTF8), args);
    }
  }

  /** Creates (or replaces) an ACL user with {@code rules}, its password given by hash only. */
  public void createUser(String user, String password, String... rules) {
    String[] args = new String[rules.length + 4];
    args[0] = "SETUSER";
    args[1] = user;
    args[2] = "reset";
    args[3] = "on";
    System.arraycopy(rules, 0, args, 4, rules.length);
    String[] withHash = java.util.Arrays.copyOf(args, args.length + 1);
    withHash[args.length] = "#" + PasswordVerifiers.redisSha256(password);
    admin("ACL", withHash);
  }

  /** The ACL rules of {@code user} as {@code ACL LIST} prints them, or null when absent. */
  public String aclOf(String user) {
    try (StatefulRedisConnection<String, String> c = connect(ADMIN, adminPassword, false)) {
      return c.sync().aclList().stream()
          .filter(line -> line.startsWith("user " + user + " "))
          .findFirst()
          .orElse(null);
    }
  }

  /** Back to the state after start: every user but {@code default} deleted, every key flushed. */
  public void reset() {
    try (StatefulRedisConnection<String, String> c = connect(ADMIN, adminPassword, false)) {
      List<String> users = c.sync().aclUsers();
      String[] others = users.stream().filter(u -> !ADMIN.equals(u)).toArray(String[]::new);
      if (others.length > 0) {
        c.sync().aclDeluser(others);
      }
      c.sync().flushall();
    }
  }

  /** Stops the server and deletes its directory. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    if (process != null) {
      ServerHome.stop(process, Duration.ofSeconds(10));
    }
    home.delete(List.of(log()));
  }

  private void launch() {
    for (int attempt = 1; ; attempt++) {
      port = LoopbackPorts.free();
      tlsPort = LoopbackPorts.free();
      Path conf = writeConfig();
      process =
          home.launch(List.of(executable.toString(), conf.toString()), home.resolve("redis.out"));
      if (home.awaitPort(process, port, START_TIMEOUT, log())
          && home.awaitPort(process, tlsPort, START_TIMEOUT, log())) {
        awaitLogin();
        return;
      }
      if (attempt == ATTEMPTS || !ServerHome.mentions(log(), "Address already in use")) {
        throw new ServerStartException(NAME, "exited before listening; see " + log());
      }
    }
  }

  private Path writeConfig() {
    Path[] tls = certificates.copyTo(home.resolve("tls-" + port));
    String config =
        String.join(
            "\n",
            "bind " + LoopbackPorts.HOST,
            "port " + port,
            "tls-port " + tlsPort,
            "tls-cert-file " + tls[1],
            "tls-key-file " + tls[2],
            "tls-ca-cert-file " + tls[0],
            "tls-auth-clients no",
            "save \"\"",
            "appendonly no",
            "dir " + home.root(),
            "logfile " + log(),
            "loglevel verbose",
            "daemonize no",
            "user default on #" + PasswordVerifiers.redisSha256(adminPassword) + " ~* &* +@all",
            "");
    try {
      return Files.writeString(home.resolve("redis-" + port + ".conf"), config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Redis configuration", e);
    }
  }

  private void awaitLogin() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      try (StatefulRedisConnection<String, String> c = connect(ADMIN, adminPassword, false)) {
        c.sync().ping();
        return;
      } catch (RuntimeException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new ServerStartException(NAME, "does not accept logins; see " + log(), notYet);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ServerStartException(NAME, "interrupted", e);
        }
      }
    }
  }
}
