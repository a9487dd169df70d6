package dev.keyturn.cli.local;

import dev.keyturn.json.Json;
import dev.keyturn.local.AwsSdkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A running playground as its state file describes it: the serving process and where its emulators
 * answer. Written by {@code local serve} once everything is up, removed when it stops.
 *
 * @param pid the {@code local serve} process
 * @param endpoint moto_server (every service but DynamoDB)
 * @param dynamoDbEndpoint DynamoDB Local
 * @param region the emulators' region
 * @param table the state table it created
 * @param bus the event bus it created
 */
record Playground(
    long pid, URI endpoint, URI dynamoDbEndpoint, String region, String table, String bus) {

  static final String STATE_FILE = "playground.json";

  /** The playground recorded in {@code dir}, if its process still runs. */
  static Optional<Playground> running(Path dir) {
    return read(dir)
        .filter(p -> ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
  }

  static Optional<Playground> read(Path dir) {
    try {
      Map<String, Object> m = Json.map(Files.readString(dir.resolve(STATE_FILE)));
      return Optional.of(
          new Playground(
              ((Number) m.get("pid")).longValue(),
              URI.create((String) m.get("endpoint")),
              URI.create((String) m.get("dynamoDbEndpoint")),
              (String) m.get("region"),
              (String) m.get("table"),
              (String) m.get("bus")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Written atomically: a reader sees the whole file or none. */
  void write(Path dir) {
    try {
      Path tmp = dir.resolve(STATE_FILE + ".tmp");
      Files.writeString(tmp, Json.write(this));
      Files.move(
          tmp,
          dir.resolve(STATE_FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void forget(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(STATE_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The variables that point keyturn and the aws CLI here (dummy credentials, never real ones). */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(AwsSdkSettings.ENDPOINT_ENV, endpoint.toString());
    env.put(AwsSdkSettings.DYNAMODB_ENDPOINT_ENV, dynamoDbEndpoint.toString());
    env.put(AwsSdkSettings.REGION_ENV, region);
    env.put(AwsSdkSettings.ACCESS_KEY_ENV, AwsSdkSettings.ACCESS_KEY);
    env.put(AwsSdkSettings.SECRET_KEY_ENV, AwsSdkSettings.SECRET_KEY);
    env.put("KEYTURN_TABLE", table);
    env.put("KEYTURN_EVENT_BUS", bus);
    return env;
  }

  /** {@code export NAME=value} lines, for {@code eval "$(keyturn local up)"}. */
  String exports() {
    StringBuilder b = new StringBuilder();
    environment()
        .forEach((k, v) -> b.append("export ").append(k).append('=').append(v).append('\n'));
    return b.toString();
  }
}
