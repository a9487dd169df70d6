package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Section 3 of the taxonomy: which environments an entry may live in. */
final class EnvironmentRules {

  static final String LIVE_IN_STAGING = "env-live-staging";
  static final String ACCOUNT_PROD_ONLY = "env-account-prod-only";
  static final String DEV_ANALOG = "env-dev-analog";
  static final String SOURCE_PER_ENV = "env-source-per-env";

  private EnvironmentRules() {}

  static Stream<Finding> liveNotInStaging(Inventory inventory, LintContext context) {
    return named(inventory)
        .filter(e -> isLive(e.name()) && e.environments().contains("staging"))
        .map(e ->
            Finding.error(
                e.name(),
                LIVE_IN_STAGING,
                "a _LIVE_ credential is listed in staging",
                "remove staging from environments; live credentials never leave prod"));
  }

  private static boolean isLive(String name) {
    return name.contains("_LIVE_") || name.endsWith("_LIVE");
  }

  static Stream<Finding> accountScopeProdOnly(Inventory inventory, LintContext context) {
    return named(inventory)
        .filter(SecretEntry::accountWide)
        .flatMap(e -> {
          Stream<Finding> listed =
              e.environments().equals(List.of("prod"))
                  ? Stream.empty()
                  : Stream.of(
                      Finding.error(
                          e.name(),
                          ACCOUNT_PROD_ONLY,
                          "account-wide token listed outside prod " + e.environments(),
                          "set `environments: [prod]`; other environments read the prod value"));
          Set<String> others = new TreeSet<>(e.sources().keySet());
          others.remove(SecretEntry.PROD);
          Stream<Finding> sourced =
              others.isEmpty()
                  ? Stream.empty()
                  : Stream.of(
                      Finding.error(
                          e.name(),
                          ACCOUNT_PROD_ONLY,
                          "account-wide token has a source outside prod " + others,
                          "keep only `source: {prod: ...}`; do not copy an account-wide token"
                              + " into other environments (duplicates drift)"));
          return Stream.concat(listed, sourced);
        });
  }

  /**
   * Taxonomy rule 1: an env-specific credential has its own value in every environment it lists, so
   * an entry listed in several environments has one source per environment (and a sink of such an
   * entry says which environment it publishes). Account-wide entries are rule 2's.
   */
  static Stream<Finding> sourcePerEnvironment(Inventory inventory, LintContext context) {
    return named(inventory)
        .filter(e -> !e.accountWide())
        .flatMap(e -> e.perEnvironment() ? perEnvironmentFindings(e) : singleSourceFindings(e));
  }

  private static Stream<Finding> singleSourceFindings(SecretEntry e) {
    if (e.environments().size() < 2 || e.source() == null) {
      return Stream.empty();
    }
    List<String> envs = e.environments();
    return Stream.of(
        Finding.error(
            e.name(),
            SOURCE_PER_ENV,
            "one source serves " + envs + ": env-specific values must differ per environment",
            "give each environment its own source (`source: {"
                + String.join(": {...}, ", envs)
                + ": {...}}`) and each sink an `env`, or use `scope: account` for one"
                + " account-wide token"));
  }

  private static Stream<Finding> perEnvironmentFindings(SecretEntry e) {
    List<Finding> out = new ArrayList<>();
    for (String env : e.environments()) {
      if (!e.sources().containsKey(env)) {
        out.add(
            Finding.error(
                e.name(),
                SOURCE_PER_ENV,
                "listed in " + env + " but has no " + env + " source",
                "add `" + env + ": {secretsManager: ...}` under source, or drop " + env));
      }
    }
    for (String env : e.sources().keySet()) {
      if (!e.environments().contains(env)) {
        out.add(
            Finding.error(
                e.name(),
                SOURCE_PER_ENV,
                "has a " + env + " source but is not listed in " + env,
                "add " + env + " to environments or remove its source"));
      }
    }
    for (Sink s : e.sinks()) {
      String where = s.kind() + " " + s.targetName() + " " + s.var();
      if (s.env() == null) {
        out.add(
            Finding.error(
                e.name(),
                SOURCE_PER_ENV,
                "sink " + where + " does not say which environment's value it publishes",
                "add `env: <one of " + String.join(", ", e.sources().keySet()) + ">` to it"));
      } else if (!e.sources().containsKey(s.env())) {
        out.add(
            Finding.error(
                e.name(),
                SOURCE_PER_ENV,
                "sink " + where + " publishes " + s.env() + ", which has no source",
                "use an environment the entry has a source for"));
      }
    }
    return out.stream();
  }

  static Stream<Finding> devNeedsAnalog(Inventory inventory, LintContext context) {
    return named(inventory)
        .filter(e -> e.environments().contains("dev") && e.devAnalog() == null)
        .map(e ->
            Finding.error(
                e.name(),
                DEV_ANALOG,
                "listed in dev without a declared dev analog",
                "add `devAnalog: <the vendor's sandbox/test mode>` or drop dev"));
  }

  private static Stream<SecretEntry> named(Inventory inventory) {
    return inventory.secrets().stream().filter(e -> e.name() != null);
  }
}
