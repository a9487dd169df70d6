package dev.keyturn.cli.status;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code status --check-heroku}: reads the sources (one batched pass) and each app's config vars
 * (one GET per app) and compares them in memory. Only the yes/no answers leave this class.
 */
final class HerokuCheck {

  /** One Heroku config var. */
  record Key(String app, String var) {}

  private HerokuCheck() {}

  static Map<Key, Boolean> compare(
      List<SecretEntry> entries, SecretSource secrets, HerokuApi heroku) {
    List<SecretEntry> published = entries.stream().filter(e -> !e.herokuSinks().isEmpty()).toList();
    Map<Key, Boolean> out = new HashMap<>();
    if (published.isEmpty()) {
      return out;
    }
    Map<Source, SecretValue> values =
        secrets.current(published.stream().map(SecretEntry::source).distinct().toList());
    Map<String, Map<String, String>> configs = new HashMap<>();
    for (SecretEntry e : published) {
      SecretValue value = values.get(e.source());
      for (Sink.Heroku h : e.herokuSinks()) {
        Map<String, String> config = configs.computeIfAbsent(h.app(), heroku::configVars);
        boolean matches =
            value != null
                && value.value() != null
                && Objects.equals(value.value(), config.get(h.var()));
        out.put(new Key(h.app(), h.var()), matches);
      }
    }
    return out;
  }
}
