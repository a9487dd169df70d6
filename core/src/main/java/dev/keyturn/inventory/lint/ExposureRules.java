package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Secrets never go where a browser can read them (seed 000: "must never touch the browser bundle";
 * seed 003: no secrets in frontends): front-end build tools inline every variable with these
 * prefixes into the JavaScript they ship.
 */
final class ExposureRules {

  static final String CLIENT_VISIBLE = "client-visible-sink";

  /** Next.js, Vite, Create React App, SvelteKit/Astro and Expo public prefixes. */
  static final List<String> PUBLIC_PREFIXES =
      List.of("NEXT_PUBLIC_", "VITE_", "REACT_APP_", "PUBLIC_", "EXPO_PUBLIC_");

  private ExposureRules() {}

  static Stream<Finding> clientVisible(Inventory inventory, LintContext context) {
    return inventory.secrets().stream()
        .filter(e -> e.name() != null)
        .flatMap(e ->
            e.sinks().stream()
                .flatMap(s -> Stream.of(s.var(), s.previousVar()))
                .distinct()
                .flatMap(var -> publicPrefix(var).stream().map(prefix -> finding(e.name(), var))));
  }

  private static Finding finding(String entry, String var) {
    return Finding.error(
        entry,
        CLIENT_VISIBLE,
        "sink var " + var + " is client-visible: front-end builds ship it to every browser",
        "publish it under a server-side name; a secret never goes into a frontend bundle");
  }

  static Optional<String> publicPrefix(String var) {
    if (var == null) {
      return Optional.empty();
    }
    String upper = var.toUpperCase(Locale.ROOT);
    return PUBLIC_PREFIXES.stream().filter(upper::startsWith).findFirst();
  }
}
