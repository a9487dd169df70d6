package dev.keyturn.cli.demo;

import dev.keyturn.cli.common.Handlers;
import dev.keyturn.cli.sync.SyncCommand;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.secrets.SecretCreator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The optional real-Heroku step: only when a token and an app are configured. The webhook secret's
 * Heroku sink is pointed at that app (no other var of the example touches it), the token is put in
 * local Secrets Manager where the sync function expects it, and {@code keyturn sync --app} runs.
 *
 * @param app the Heroku app to sync to
 * @param apiUrl the Platform API root
 * @param token the API token (from HEROKU_API_KEY or a file); never printed
 */
record DemoHeroku(String app, URI apiUrl, String token) {

  static final String TOKEN_SECRET = "keyturn/demo/heroku-api-key";

  @Override
  public String toString() {
    return "DemoHeroku[app=" + app + ", apiUrl=" + apiUrl + ", token=***]";
  }

  /** The inventory with the given secret's Heroku sinks pointed at {@link #app}. */
  Inventory retarget(Inventory inventory, String secretName) {
    return withSinks(
        inventory,
        secretName,
        s ->
            s instanceof Sink.Heroku h
                ? Stream.of(new Sink.Heroku(app, h.var(), null))
                : Stream.of(s));
  }

  /**
   * The inventory without the given secret's Heroku sinks: without a Heroku app to sync, the demo's
   * copy names only the sinks it writes, so the rotation's {@code published} stage can be reached.
   */
  static Inventory withoutHeroku(Inventory inventory, String secretName) {
    return withSinks(
        inventory, secretName, s -> s instanceof Sink.Heroku ? Stream.empty() : Stream.of(s));
  }

  /** The demo's Heroku step: a sync when an app is configured, else what it would do. */
  static void step(DemoHeroku heroku, SecretCreator secrets, String table, Narrator say) {
    if (heroku == null) {
      say.step("Sync to Heroku: skipped");
      say.detail("set HEROKU_API_KEY and HEROKU_APP (or --heroku-app) to also sync a real app:");
      say.detail("the webhook secret's config var goes there in one PATCH = one release");
      say.detail("(the demo's inventory copy leaves the webhook secret's Heroku sink out)");
      say.ok("nothing sent to Heroku");
      return;
    }
    say.step("Sync to Heroku app " + heroku.app() + " (one PATCH, one release; values masked)");
    if (heroku.sync(secrets, table, say) != 0) {
      throw new DemoRun.DemoFailedException("keyturn sync --app " + heroku.app() + " failed");
    }
    say.ok("Heroku app %s in line with AWSCURRENT", heroku.app());
  }

  private static Inventory withSinks(
      Inventory inventory, String secretName, Function<Sink, Stream<Sink>> sink) {
    List<SecretEntry> secrets = new ArrayList<>();
    for (SecretEntry e : inventory.secrets()) {
      secrets.add(
          e.name().equals(secretName)
              ? withSinks(e, e.sinks().stream().flatMap(sink).toList())
              : e);
    }
    return new Inventory(
        inventory.version(),
        inventory.vendors(),
        inventory.functions(),
        inventory.consumers(),
        secrets,
        inventory.webhooks());
  }

  private static SecretEntry withSinks(SecretEntry e, List<Sink> sinks) {
    return new SecretEntry(
        e.name(),
        e.source(),
        e.tags(),
        e.environments(),
        e.scope(),
        e.devAnalog(),
        e.generator(),
        e.expiresAt(),
        e.scopes(),
        e.review(),
        sinks);
  }

  /** Runs {@code keyturn sync --app}; returns its exit code and prints its lines. */
  int sync(SecretCreator secrets, String table, Narrator say) {
    secrets.createIfAbsent(TOKEN_SECRET, token, Map.of());
    StringWriter out = new StringWriter();
    CommandLine cli = Handlers.install(new CommandLine(new SyncCommand()));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int code =
        cli.execute(
            "--app",
            app,
            "--table",
            table,
            "--heroku-token-secret",
            TOKEN_SECRET,
            "--heroku-api-url",
            apiUrl.toString());
    out.toString().lines().forEach(line -> say.detail("%s", line));
    return code;
  }
}
