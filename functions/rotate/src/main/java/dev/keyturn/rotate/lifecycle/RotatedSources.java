package dev.keyturn.rotate.lifecycle;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.state.LastRotation;
import java.util.List;

/**
 * Which source of an entry a rotation rotated. An entry with one source: that one, without a call.
 * An entry with one source per environment records its rotations under its name alone, so the
 * source holding the version is looked up: the Secrets Manager secret that has it, or the SSM
 * parameter whose latest version it is; the entry's own source when none does.
 */
public final class RotatedSources {

  private final SecretDescriber secrets;
  private final ParameterStore parameters;

  public RotatedSources(SecretDescriber secrets, ParameterStore parameters) {
    this.secrets = secrets;
    this.parameters = parameters;
  }

  Source of(SecretEntry entry, LastRotation rotation) {
    List<Source> all = entry.allSources();
    if (all.size() <= 1) {
      return entry.source();
    }
    for (Source source : all) {
      if (holds(source, rotation.versionId())) {
        return source;
      }
    }
    return entry.source();
  }

  private boolean holds(Source source, String versionId) {
    return switch (source) {
      case Source.SecretsManager sm ->
          secrets.describe(sm.id()).map(d -> d.hasVersion(versionId)).orElse(false);
      case Source.SsmParameter p -> {
        ParameterInfo info = parameters.describe(List.of(p.id())).get(p.id());
        yield info != null && Long.toString(info.version()).equals(versionId);
      }
    };
  }
}
