package dev.keyturn.cli.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.CliResult;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyturn local up} / {@code down} through the jar: the playground outlives the command that
 * started it, the printed variables are all another command needs, and {@code down} stops it.
 */
class LocalPlaygroundIT {

  @TempDir Path dir;
  @TempDir Path home;

  @AfterEach
  void down() throws Exception {
    ShippedCli.with(Map.of()).run("local", "down", "--state-dir", dir.toString());
  }

  @Test
  void up_keepsTheEmulatorsRunning_printsTheEnvironment_andDownStopsThem() throws Exception {
    ShippedCli cli = ShippedCli.with(Map.of());

    CliResult up = cli.run("local", "up", "--state-dir", dir.toString());
    Map<String, String> env = exports(up.out());
    ShippedCli operator = ShippedCli.clean(home, env);
    CliResult applied = operator.run("apply", "../examples/inventory.yaml");
    CliResult audit = operator.run("audit", "--json");
    CliResult again = cli.run("local", "up", "--state-dir", dir.toString());
    CliResult down = cli.run("local", "down", "--state-dir", dir.toString());

    assertThat(up.exit()).as(up.toString()).isZero();
    assertThat(env)
        .containsKeys(
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_REGION",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY")
        .containsEntry("KEYTURN_TABLE", "keyturn-local");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(audit.out()).contains("\"action\":\"inventory.apply\"");
    assertThat(again.err()).contains("already running");
    assertThat(exports(again.out())).isEqualTo(env);
    assertThat(down.exit()).isZero();
    assertThat(down.err()).contains("playground stopped");
    assertThat(Files.exists(dir.resolve("playground.json"))).isFalse();
    assertThat(answers(URI.create(env.get("AWS_ENDPOINT_URL")))).isFalse();
    assertThat(answers(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB")))).isFalse();
  }

  @Test
  void down_withNothingRunning_saysSo() throws Exception {
    CliResult r = ShippedCli.with(Map.of()).run("local", "down", "--state-dir", dir.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("no playground is running");
  }

  private static Map<String, String> exports(String out) {
    Map<String, String> env = new HashMap<>();
    out.lines()
        .filter(l -> l.startsWith("export "))
        .map(l -> l.substring("export ".length()).split("=", 2))
        .forEach(kv -> env.put(kv[0], kv[1]));
    return env;
  }

  private static boolean answers(URI endpoint) throws Exception {
    try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }
}
