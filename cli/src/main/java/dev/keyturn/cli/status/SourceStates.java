package dev.keyturn.cli.status;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.Stages;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Current version and last change of every source, from metadata only (DescribeSecret per secret,
 * DescribeParameters in batches of 50): status never reads a secret value.
 */
final class SourceStates {

  /**
   * @param version AWSCURRENT's version id, or the parameter's latest version
   * @param changed when the value last changed as far as the source knows
   * @param pending the AWSPENDING version of an unfinished rotation, or null
   * @param hasOlder whether a version before the current one is still labelled (AWSPREVIOUS, or a
   *     parameter version before the latest)
   */
  record State(String version, Instant changed, String pending, boolean hasOlder) {}

  private final SecretDescriber sm;
  private final ParameterStore parameters;

  SourceStates(SecretDescriber sm, ParameterStore parameters) {
    this.sm = sm;
    this.parameters = parameters;
  }

  /** States by source; a source that does not exist is absent. */
  Map<Source, State> read(Collection<Source> sources) {
    Map<Source, State> out = new HashMap<>();
    List<String> ssm =
        sources.stream()
            .filter(Source.SsmParameter.class::isInstance)
            .map(Source::id)
            .distinct()
            .toList();
    Map<String, ParameterInfo> infos = ssm.isEmpty() ? Map.of() : parameters.describe(ssm);
    for (Source s : sources) {
      switch (s) {
        case Source.SecretsManager secret ->
            sm.describe(secret.id()).ifPresent(d -> out.put(s, of(d)));
        case Source.SsmParameter p -> {
          ParameterInfo i = infos.get(p.id());
          if (i != null) {
            out.put(
                s, new State(Long.toString(i.version()), i.lastModified(), null, i.version() > 1));
          }
        }
      }
    }
    return out;
  }

  private static State of(SecretDescription d) {
    return new State(
        d.versionWith(Stages.CURRENT).orElse(null),
        d.valueSince(),
        d.unfinishedVersion().orElse(null),
        d.versionWith(Stages.PREVIOUS).isPresent());
  }
}
