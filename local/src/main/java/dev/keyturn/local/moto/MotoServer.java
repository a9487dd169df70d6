package dev.keyturn.local.moto;

import dev.keyturn.local.EmulatorStartException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} child process bound to 127.0.0.1 on a free port. Its output goes to a log
 * file, never to the test output.
 */
final class MotoServer implements AutoCloseable {

  static final String NAME = "moto_server";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int ATTEMPTS = 3;
  // what a shell (or a pyenv shim) exits with when the command behind it is missing
  private static final int COMMAND_NOT_FOUND = 127;

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http;

  private MotoServer(Process process, URI endpoint, Path log, HttpClient http) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.http = http;
  }

  /** Starts moto_server and waits until it answers; retries on another port if one was taken. */
  static MotoServer start(Path logDirectory) {
    return start(logDirectory, System.getenv("PATH"));
  }

  static MotoServer start(Path logDirectory, String searchPath) {
    Path executable =
        Executables.onPath(NAME, searchPath).orElseThrow(MotoNotInstalledException::new);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int attempt = 1; ; attempt++) {
      int port = FreePorts.loopback();
      Path log = logDirectory.resolve("moto-" + port + ".log");
      Process process = launch(executable, port, log);
      URI endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + port);
      MotoServer server = new MotoServer(process, endpoint, log, http);
      if (server.awaitReady()) {
        return server;
      }
      int exit = process.exitValue();
      if (exit == COMMAND_NOT_FOUND) {
        throw new MotoNotInstalledException();
      }
      if (attempt == ATTEMPTS || !server.logMentions("Address already in use")) {
        throw new EmulatorStartException(
            NAME, "exited with code " + exit + " before answering; see " + log);
      }
    }
  }

  URI endpoint() {
    return endpoint;
  }

  Path log() {
    return log;
  }

  /** Forgets every resource moto holds (all services, all regions). */
  void reset() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    int status = send(request);
    if (status != 200) {
      throw new EmulatorStartException(NAME, "reset answered HTTP " + status + "; see " + log);
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Process launch(Path executable, int port, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(
                executable.toString(), "-H", FreePorts.LOOPBACK, "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new EmulatorStartException(NAME, "could not be launched from " + executable, e);
    }
  }

  private boolean awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    HttpRequest ping =
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (process.isAlive()) {
      if (answers(ping)) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        close();
        throw new EmulatorStartException(
            NAME, "did not answer within " + START_TIMEOUT.toSeconds() + " s; see " + log);
      }
      sleep(POLL_INTERVAL);
    }
    return false;
  }

  private boolean answers(HttpRequest ping) {
    try {
      return send(ping) == 200;
    } catch (EmulatorStartException notYet) {
      return false;
    }
  }

  private int send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new EmulatorStartException(NAME, "unreachable at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorStartException(NAME, "interrupted while calling " + endpoint, e);
    }
  }

  private boolean logMentions(String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorStartException(NAME, "interrupted while waiting for it to start", e);
    }
  }
}
