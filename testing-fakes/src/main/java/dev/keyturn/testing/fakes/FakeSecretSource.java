package dev.keyturn.testing.fakes;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretNotFoundException;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.secrets.Stages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads values the way {@code AwsSecretSource} does, from a {@link FakeSecretsManager} and a {@link
 * FakeParameterStore}: current values of many sources in one call (a missing source is left out; a
 * Secrets Manager version id, or an SSM version number); the live versions of a secret in the order
 * AWSCURRENT, AWSPENDING, AWSPREVIOUS, leaving out a version without a value (a pending one before
 * createSecret); an SSM parameter's current value only; a secret that does not exist is a {@link
 * SecretNotFoundException}.
 */
public final class FakeSecretSource extends FakePort implements SecretSource {

  private final FakeSecretsManager secretsManager;
  private final FakeParameterStore parameters;

  /** Over a Secrets Manager and a Parameter Store of its own. */
  public FakeSecretSource() {
    this(new FakeSecretsManager(), new FakeParameterStore());
  }

  public FakeSecretSource(FakeSecretsManager secretsManager, FakeParameterStore parameters) {
    this.secretsManager = secretsManager;
    this.parameters = parameters;
  }

  public FakeSecretsManager secretsManager() {
    return secretsManager;
  }

  public FakeParameterStore parameters() {
    return parameters;
  }

  /**
   * Gives the source a new current value: creates the secret or parameter, or puts a new version
   * (Secrets Manager moves AWSCURRENT to it; SSM adds a version).
   */
  public void put(Source source, String value) {
    if (source instanceof Source.SsmParameter) {
      parameters.put(source.id(), value);
    } else if (secretsManager.exists(source.id())) {
      secretsManager.secret(source.id()).putValue(value);
    } else {
      secretsManager.create(source.id(), value);
    }
  }

  /** What a rotation's createSecret step leaves: a new version of the secret at AWSPENDING. */
  public String stagePending(Source secret, String value) {
    return secretsManager.secret(secret.id()).stagePending(value);
  }

  /** What a rotation's finishSecret step does: the AWSPENDING version becomes AWSCURRENT. */
  public void finishRotation(Source secret) {
    secretsManager.secret(secret.id()).finishRotation();
  }

  /** Deletes the secret or parameter. */
  public void remove(Source source) {
    if (source instanceof Source.SsmParameter) {
      parameters.delete(source.id());
    } else {
      secretsManager.delete(source.id());
    }
  }

  @Override
  public Map<Source, SecretValue> current(Collection<Source> sources) {
    enter("current");
    Map<Source, SecretValue> out = new LinkedHashMap<>();
    for (Source source : sources) {
      read(source).ifPresent(v -> out.put(source, v));
    }
    return out;
  }

  @Override
  public List<SecretValue> liveVersions(Source source) {
    enter("liveVersions");
    if (source instanceof Source.SsmParameter) {
      return read(source).map(List::of).orElse(List.of());
    }
    if (!secretsManager.exists(source.id())) {
      throw new SecretNotFoundException(source.id());
    }
    FakeSecret secret = secretsManager.secret(source.id());
    List<SecretValue> out = new ArrayList<>();
    for (String stage : Stages.LIVE) {
      secret
          .versionWith(stage)
          .flatMap(
              version -> secret.valueOf(version).map(v -> new SecretValue(source.id(), version, v)))
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<SecretValue> read(Source source) {
    if (source instanceof Source.SsmParameter) {
      return parameters
          .current(source.id())
          .map(p -> new SecretValue(source.id(), Long.toString(p.version()), p.value()));
    }
    if (!secretsManager.exists(source.id())) {
      return Optional.empty();
    }
    FakeSecret secret = secretsManager.secret(source.id());
    return secret
        .versionWith(Stages.CURRENT)
        .flatMap(
            version -> secret.valueOf(version).map(v -> new SecretValue(source.id(), version, v)));
  }
}
