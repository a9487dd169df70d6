package dev.keyturn.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * Who issues an entry's credential and where a person manages it: the vendor codes of seed 002
 * (Appendix A) and the dashboards of its provisioning table (section 5, step 2). Used for the
 * retire-at-vendor task an operator-assisted rotation leaves behind.
 */
public final class VendorDirectory {

  /**
   * @param vendor the vendor's name, e.g. {@code Alpaca}
   * @param dashboard where its credentials are issued and revoked
   */
  public record Listing(String vendor, String dashboard) {}

  /** Said when the provisioning table has no dashboard for the vendor. */
  public static final String UNKNOWN_DASHBOARD = "the vendor's dashboard";

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("CF", "Cloudflare"),
          Map.entry("HK", "Heroku"),
          Map.entry("PM", "Postmark"),
          Map.entry("AWS", "AWS"),
          Map.entry("ANT", "Anthropic"),
          Map.entry("GH", "GitHub"),
          Map.entry("STR", "Stripe"),
          Map.entry("ALP", "Alpaca"),
          Map.entry("INF", "Infisical"),
          Map.entry("SL", "Slack"),
          Map.entry("DH", "DreamHost"),
          Map.entry("DYN", "Oracle Dyn"));

  private static final Map<String, String> DASHBOARDS =
      Map.ofEntries(
          Map.entry("CF", "https://dash.cloudflare.com/profile/api-tokens"),
          Map.entry("HK", "https://dashboard.heroku.com/account (API Key)"),
          Map.entry("PM", "https://account.postmarkapp.com/servers (Server > API Tokens)"),
          Map.entry("AWS", "AWS Console > IAM > Users > %s > Security credentials"),
          Map.entry("ANT", "https://console.anthropic.com/settings/keys"),
          Map.entry("GH", "https://github.com/settings/tokens"),
          Map.entry("STR", "https://dashboard.stripe.com/apikeys"),
          Map.entry("ALP", "https://app.alpaca.markets (Account > API)"),
          Map.entry("INF", "vault.raxx.app (Access Control > Identities)"));

  private VendorDirectory() {}

  /** The entry's vendor (its name's first part) and dashboard; special cases by function. */
  public static Listing of(SecretEntry entry) {
    String code = code(entry.name());
    String function = entry.tags().function().orElse("");
    String vendor = NAMES.getOrDefault(code, code);
    if ("CF".equals(code) && "access-bypass".equals(function)) {
      return new Listing(
          "Cloudflare Access", "CF Zero Trust > Access > Service Auth > Service Tokens");
    }
    if ("GH".equals(code) && "agent-identity".equals(function)) {
      return new Listing("GitHub", "https://github.com/apps/<appname> > Settings > Private Keys");
    }
    String dashboard = DASHBOARDS.get(code);
    if (dashboard == null) {
      return new Listing(vendor, UNKNOWN_DASHBOARD);
    }
    if (dashboard.contains("%s")) {
      String user =
          Optional.ofNullable(entry.generator())
              .map(g -> g.options().get("user"))
              .orElse("<the key's user>");
      dashboard = dashboard.formatted(user);
    }
    return new Listing(vendor, dashboard);
  }

  static String code(String name) {
    int cut = name.indexOf('_');
    return cut > 0 ? name.substring(0, cut) : name;
  }
}
