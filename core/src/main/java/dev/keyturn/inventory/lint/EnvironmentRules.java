package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import java.util.List;
import java.util.stream.Stream;

/** Section 3 of the taxonomy: which environments an entry may live in. */
final class EnvironmentRules {

  static final String LIVE_IN_STAGING = "env-live-staging";
  static final String ACCOUNT_PROD_ONLY = "env-account-prod-only";
  static final String DEV_ANALOG = "env-dev-analog";

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
        .filter(e -> SecretEntry.ACCOUNT_SCOPE.equals(e.scope()))
        .filter(e -> !e.environments().equals(List.of("prod")))
        .map(e ->
            Finding.error(
                e.name(),
                ACCOUNT_PROD_ONLY,
                "account-wide token listed outside prod " + e.environments(),
                "set `environments: [prod]`; other environments read the prod value"));
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
