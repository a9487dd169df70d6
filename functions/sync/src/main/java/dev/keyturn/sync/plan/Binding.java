package dev.keyturn.sync.plan;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SecretFields;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.SinkKey;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One variable keyturn manages on a target, and the secret whose value belongs there.
 *
 * @param app the target's key ({@link SinkKey}): a Heroku app's name, else {@code <kind>:<name>}
 * @param var the variable name
 * @param secretName the inventory entry
 * @param source where the value is read; null when the entry has no source for {@code env}
 * @param renameOf when this is the old name kept during a rename: the new name; else null
 * @param field the top-level JSON field of the value to publish; null for the whole value
 * @param env the environment whose source the sink publishes; null for an entry's single source
 */
public record Binding(
    String app,
    String var,
    String secretName,
    Source source,
    String renameOf,
    String field,
    String env) {

  public Binding(String app, String var, String secretName, Source source, String renameOf) {
    this(app, var, secretName, source, renameOf, null, null);
  }

  public Binding(
      String app, String var, String secretName, Source source, String renameOf, String field) {
    this(app, var, secretName, source, renameOf, field, null);
  }

  /** The kind of target ({@code heroku}, {@code github}, ...). */
  public String kind() {
    return SinkKey.kind(app);
  }

  /** Which value this binding publishes: the entry's, or the entry's for one environment. */
  public String valueKey() {
    return env == null ? secretName : secretName + "@" + env;
  }

  /**
   * What this var gets of the secret's current value (same version id).
   *
   * @throws SecretFields.SecretFieldMissingException when the field is not in the value
   */
  public SecretValue published(SecretValue source) {
    return field == null
        ? source
        : new SecretValue(
            source.id(),
            source.versionId(),
            SecretFields.select(secretName, source.value(), field));
  }

  /** Every binding of an entry: each sink's var, plus its previousVar during a rename. */
  public static List<Binding> of(SecretEntry entry) {
    List<Binding> out = new ArrayList<>();
    for (Sink sink : entry.sinks()) {
      String target = sink.target();
      Source source = entry.sourceFor(sink.env());
      out.add(
          new Binding(target, sink.var(), entry.name(), source, null, sink.field(), sink.env()));
      if (sink.previousVar() != null && !sink.previousVar().equals(sink.var())) {
        out.add(
            new Binding(
                target,
                sink.previousVar(),
                entry.name(),
                source,
                sink.var(),
                sink.field(),
                sink.env()));
      }
    }
    return out;
  }
}
