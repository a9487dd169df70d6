package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.Entries;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.sync.trigger.Scope;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which sinks {@code plan} and {@code sync} cover: one app, one secret, or all. */
public final class SyncScope {

  @Option(
      names = "--app",
      paramLabel = "TARGET",
      description =
          "only this target's managed vars: a Heroku app, github:OWNER/REPO[@ENVIRONMENT] or"
              + " cloudflare:ACCOUNT/SCRIPT")
  String app;

  @Option(
      names = "--secret",
      paramLabel = "NAME",
      description = "only the sinks of this inventory entry")
  String secret;

  /**
   * @throws UsageException when both are given
   * @throws dev.keyturn.cli.common.UnknownEntryException when {@code --secret} names no entry
   */
  Scope scope(InventoryStore inventory) {
    validate();
    if (secret != null) {
      Entries.require(inventory, secret);
      return new Scope.Secrets(Set.of(secret));
    }
    return app != null ? new Scope.App(app) : new Scope.AllSinks();
  }

  /**
   * @throws UsageException when both are given
   */
  void validate() {
    if (app != null && secret != null) {
      throw new UsageException("--app and --secret cannot be combined");
    }
  }

  String describe() {
    if (app != null) {
      return "target " + app;
    }
    return secret != null ? "the sinks of " + secret : "every sink";
  }
}
