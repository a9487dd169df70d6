package dev.keyturn.testing.fakes;

import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.SourceExistsException;
import dev.keyturn.secrets.Stages;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager in memory behind the ports its adapter ({@code SecretsManagerSecrets}) serves:
 * describe, values by version and stage, idempotent stage moves, RotateSecret and create-if-absent.
 * Secrets are found by name or ARN; the rules of one secret are {@link FakeSecret}'s. Version ids
 * it makes itself read {@code v1}, {@code v2}, ... in the order made.
 */
public final class FakeSecretsManager extends FakePort
    implements SecretStages, RotationStarter, SecretCreator {

  public static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

  private final Clock clock;
  private final Map<String, FakeSecret> byName = new LinkedHashMap<>();
  private final AtomicInteger versions = new AtomicInteger();

  public FakeSecretsManager() {
    this(Clock.systemUTC());
  }

  /** {@code clock} dates the secrets' creation. */
  public FakeSecretsManager(Clock clock) {
    this.clock = clock;
  }

  /** CreateSecret: a new secret holding {@code value} at AWSCURRENT, rotation off. */
  public synchronized FakeSecret create(String name, String value) {
    return create(name, value, Map.of());
  }

  /** The secret named, by name or ARN. */
  public synchronized FakeSecret secret(String secretId) {
    return find(secretId)
        .orElseThrow(
            () -> new FakeServiceException("ResourceNotFoundException", "no secret " + secretId));
  }

  /** Whether a secret of that name or ARN exists. */
  public synchronized boolean exists(String secretId) {
    return find(secretId).isPresent();
  }

  /** DeleteSecret without recovery. */
  public synchronized void delete(String secretId) {
    byName.remove(secret(secretId).name());
  }

  @Override
  public Optional<SecretDescription> describe(String secretId) {
    enter("describe");
    return lookup(secretId).map(FakeSecret::describe);
  }

  @Override
  public Optional<String> value(String secretId, String versionId, String stage) {
    enter("value");
    return lookup(secretId).flatMap(s -> s.value(versionId, stage));
  }

  @Override
  public void putPending(String secretId, String token, String value, String rotationToken) {
    enter("putPending");
    secret(secretId).putPending(token, value, rotationToken);
  }

  @Override
  public void moveStage(String secretId, String stage, String toVersionId, String fromVersionId) {
    enter("moveStage");
    secret(secretId).moveStage(stage, toVersionId, fromVersionId);
  }

  @Override
  public void removeStage(String secretId, String stage, String fromVersionId) {
    enter("removeStage");
    secret(secretId).removeStage(stage, fromVersionId);
  }

  @Override
  public void startRotation(String secretId, String token, String lambdaArn, Long enableEveryDays) {
    enter("startRotation");
    secret(secretId).startRotation(token, lambdaArn);
  }

  @Override
  public synchronized Creation createIfAbsent(String name, String value, Map<String, String> tags) {
    enter("createIfAbsent");
    Optional<FakeSecret> existing = find(name);
    if (existing.isEmpty()) {
      create(name, value, tags);
      return Creation.CREATED;
    }
    if (existing.get().value(null, Stages.CURRENT).filter(value::equals).isPresent()) {
      return Creation.ALREADY_PRESENT;
    }
    throw new SourceExistsException("secret", name);
  }

  String newVersionId() {
    return "v" + versions.incrementAndGet();
  }

  private synchronized Optional<FakeSecret> lookup(String secretId) {
    return find(secretId);
  }

  private FakeSecret create(String name, String value, Map<String, String> tags) {
    if (byName.containsKey(name)) {
      throw new FakeServiceException("ResourceExistsException", "secret " + name + " exists");
    }
    FakeSecret secret = new FakeSecret(this, name, clock.instant(), tags);
    secret.create(newVersionId(), value);
    byName.put(name, secret);
    return secret;
  }

  private Optional<FakeSecret> find(String secretId) {
    FakeSecret byItsName = byName.get(secretId);
    if (byItsName != null) {
      return Optional.of(byItsName);
    }
    return byName.values().stream().filter(s -> s.arn().equals(secretId)).findFirst();
  }
}
