package dev.keyturn.secrets.aws;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretReads;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.secrets.Stages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Reads values from Secrets Manager and SSM in as few calls as the APIs allow: {@code
 * BatchGetSecretValue} (20 ids per call, always AWSCURRENT) and {@code GetParameters} (10 names per
 * call, decrypted). A batch answers per-secret errors next to the values: each is reported by
 * source and error code ({@link SecretReads}), not taken for a missing secret. Live versions take
 * the labels from {@link SecretDescriber}, then read each version by id and stage.
 */
public final class AwsSecretSource implements SecretSource {

  static final int SECRETS_PER_CALL = 20;
  static final int PARAMETERS_PER_CALL = 10;
  private static final String NOT_FOUND = "ResourceNotFoundException";

  private final SecretsManagerClient secretsManager;
  private final Supplier<SsmClient> ssm;
  private final SecretDescriber describer;

  public AwsSecretSource(
      SecretsManagerClient secretsManager, SsmClient ssm, SecretDescriber describer) {
    this(secretsManager, () -> ssm, describer);
  }

  /**
   * As above, with the SSM client asked for on the first parameter read: a function whose sources
   * are all in Secrets Manager never builds it on a cold start (building a client loads its ~170
   * request classes).
   */
  public AwsSecretSource(
      SecretsManagerClient secretsManager, Supplier<SsmClient> ssm, SecretDescriber describer) {
    this.secretsManager = secretsManager;
    this.ssm = ssm;
    this.describer = describer;
  }

  @Override
  public Map<Source, SecretValue> current(Collection<Source> sources) {
    return read(sources).values();
  }

  @Override
  public SecretReads read(Collection<Source> sources) {
    Map<Source, SecretValue> out = new LinkedHashMap<>();
    Map<Source, String> failures = new LinkedHashMap<>();
    List<Source> secrets =
        sources.stream().filter(Source.SecretsManager.class::isInstance).distinct().toList();
    List<Source> parameters =
        sources.stream().filter(Source.SsmParameter.class::isInstance).distinct().toList();
    for (List<Source> chunk : chunks(secrets, SECRETS_PER_CALL)) {
      readSecrets(chunk, out, failures);
    }
    for (List<Source> chunk : chunks(parameters, PARAMETERS_PER_CALL)) {
      readParameters(chunk, out);
    }
    return new SecretReads(out, failures);
  }

  private void readSecrets(
      List<Source> chunk, Map<Source, SecretValue> out, Map<Source, String> failures) {
    BatchGetSecretValueResponse response =
        secretsManager.batchGetSecretValue(
            b -> b.secretIdList(chunk.stream().map(Source::id).toList()));
    for (SecretValueEntry v : response.secretValues()) {
      for (Source s : chunk) {
        if (s.id().equals(v.name()) || s.id().equals(v.arn())) {
          out.put(s, new SecretValue(s.id(), v.versionId(), v.secretString()));
        }
      }
    }
    failures.putAll(errors(chunk, response));
  }

  /**
   * The per-secret errors of a batch, by source: denied, undecryptable, throttled... A secret that
   * does not exist is no failure: it is absent, as the port says.
   */
  static Map<Source, String> errors(List<Source> chunk, BatchGetSecretValueResponse response) {
    Map<Source, String> failures = new LinkedHashMap<>();
    if (!response.hasErrors()) {
      return failures;
    }
    for (APIErrorType error : response.errors()) {
      if (NOT_FOUND.equals(error.errorCode())) {
        continue;
      }
      for (Source s : chunk) {
        if (s.id().equals(error.secretId())) {
          failures.put(s, error.errorCode() == null ? "unknown-error" : error.errorCode());
        }
      }
    }
    return failures;
  }

  private void readParameters(List<Source> chunk, Map<Source, SecretValue> out) {
    GetParametersResponse response =
        ssm.get()
            .getParameters(
                b -> b.names(chunk.stream().map(Source::id).toList()).withDecryption(true));
    for (Parameter p : response.parameters()) {
      for (Source s : chunk) {
        if (s.id().equals(p.name())) {
          out.put(s, new SecretValue(s.id(), Long.toString(p.version()), p.value()));
        }
      }
    }
  }

  @Override
  public List<SecretValue> liveVersions(Source source) {
    if (source instanceof Source.SsmParameter) {
      SecretValue v = current(List.of(source)).get(source);
      return v == null ? List.of() : List.of(v);
    }
    SecretDescription secret = describer.require(source.id());
    List<SecretValue> out = new ArrayList<>();
    for (String stage : Stages.LIVE) {
      secret
          .versionWith(stage)
          .flatMap(version -> read(source, version, stage))
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<SecretValue> read(Source source, String versionId, String stage) {
    try {
      GetSecretValueResponse r =
          secretsManager.getSecretValue(
              b -> b.secretId(source.id()).versionId(versionId).versionStage(stage));
      return Optional.of(new SecretValue(source.id(), r.versionId(), r.secretString()));
    } catch (ResourceNotFoundException noValueYet) {
      // AWSPENDING exists without a value between RotateSecret and createSecret
      return Optional.empty();
    }
  }

  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }
}
