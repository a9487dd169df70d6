package dev.keyturn.sync.plan;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SecretFields;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One Heroku config var keyturn manages, and the secret whose value belongs there.
 *
 * @param app the Heroku app
 * @param var the config var name
 * @param secretName the inventory entry
 * @param source where the value is read
 * @param renameOf when this is the old name kept during a rename: the new name; else null
 * @param field the top-level JSON field of the value to publish; null for the whole value
 * @param format {@code url} to publish a connection URL composed from the value; else null
 */
public record Binding(
    String app,
    String var,
    String secretName,
    Source source,
    String renameOf,
    String field,
    String format) {

  public Binding(String app, String var, String secretName, Source source, String renameOf) {
    this(app, var, secretName, source, renameOf, null, null);
  }

  /**
   * What this var gets of the secret's current value (same version id).
   *
   * @throws SecretFields.SecretFieldMissingException when the field is not in the value, or the
   *     value is not a connection secret for {@code format: url}
   */
  public SecretValue published(SecretValue source) {
    return field == null && format == null
        ? source
        : new SecretValue(
            source.id(),
            source.versionId(),
            SecretFields.select(secretName, source.value(), field, format));
  }

  /** Every Heroku binding of an entry: each sink's var, plus its previousVar during a rename. */
  public static List<Binding> of(SecretEntry entry) {
    List<Binding> out = new ArrayList<>();
    for (Sink.Heroku sink : entry.herokuSinks()) {
      out.add(
          new Binding(
              sink.app(),
              sink.var(),
              entry.name(),
              entry.source(),
              null,
              sink.field(),
              sink.format()));
      if (sink.previousVar() != null && !sink.previousVar().equals(sink.var())) {
        out.add(
            new Binding(
                sink.app(),
                sink.previousVar(),
                entry.name(),
                entry.source(),
                sink.var(),
                sink.field(),
                sink.format()));
      }
    }
    return out;
  }
}
