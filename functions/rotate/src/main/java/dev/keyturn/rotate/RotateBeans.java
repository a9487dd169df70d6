package dev.keyturn.rotate;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.config.AwsClients;
import dev.keyturn.config.AwsTimeouts;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.create.FirstValue;
import dev.keyturn.rotate.database.DatabaseVendors;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.PasswordPolicy;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import dev.keyturn.rotate.lifecycle.Consumers;
import dev.keyturn.rotate.lifecycle.LifecycleService;
import dev.keyturn.rotate.lifecycle.OldVersions;
import dev.keyturn.rotate.lifecycle.RotatedSources;
import dev.keyturn.rotate.operator.OperatorRotation;
import dev.keyturn.rotate.operator.RetireTasks;
import dev.keyturn.rotate.protocol.DrivenRotation;
import dev.keyturn.rotate.protocol.FinishHook;
import dev.keyturn.rotate.protocol.IssuedValueRetry;
import dev.keyturn.rotate.protocol.RotationJournal;
import dev.keyturn.rotate.protocol.RotationPrecheck;
import dev.keyturn.rotate.protocol.RotationService;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.secrets.SecretsManagerRandomPasswords;
import dev.keyturn.rotate.sweep.ParameterRotation;
import dev.keyturn.rotate.sweep.SweepService;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.rotate.vendor.aws.IamAccessKeys;
import dev.keyturn.rotate.vendor.heroku.HerokuAuthorizations;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.snapstart.Primer;
import dev.keyturn.snapstart.RefreshableCredentialsProvider;
import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RetireTaskStore;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.SenderPushStore;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.state.SyncStateStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The rotate function's wiring. Configuration: {@code heroku.api-url} (env {@code HEROKU_API_URL},
 * default {@code https://api.heroku.com}); the actor in audit events is the Lambda function's name
 * ({@code AWS_LAMBDA_FUNCTION_NAME}, default {@code keyturn-rotate}). Table and bus: see CoreBeans.
 */
@Factory
public class RotateBeans {

  /** The generators' randomness; a SnapStart restore reseeds it (it is a Reseedable). */
  @Singleton
  public RandomSource randomSource() {
    return new RandomSource();
  }

  /**
   * SnapStart priming: GetRandomPassword has no side effect, and both functions of this jar may
   * call it (it has no resource-level permissions), so it warms the Secrets Manager client, its
   * JSON protocol and signing without touching a secret.
   */
  @Singleton
  @Named("secretsmanager-random-password")
  public Primer randomPasswordPrimer(RandomPasswordPort passwords) {
    return Primer.of(
        "secretsmanager:GetRandomPassword",
        () ->
            passwords.randomPassword(
                new PasswordPolicy(8, "", false, true, false, false, false, false)));
  }

  @Singleton
  @Named("actor")
  public String actor(@Value("${aws.lambda.function.name:keyturn-rotate}") String functionName) {
    return functionName;
  }

  @Singleton
  public RandomPasswordPort randomPasswords(SecretsManagerClient client) {
    return new SecretsManagerRandomPasswords(client);
  }

  @Singleton
  public GeneratorRegistry generators(RandomPasswordPort passwords, RandomSource random) {
    return RotationGenerators.all(passwords, random);
  }

  @Singleton
  public HerokuAuthorizations herokuAuthorizations(HerokuSettings settings, Clock clock) {
    return new HerokuAuthorizations(settings, clock);
  }

  /** IAM for {@code aws-iam-access-key}: the function's own credentials, core's timeouts. */
  @Singleton
  @Bean(preDestroy = "close")
  public IamClient iam(RefreshableCredentialsProvider credentials, AwsTimeouts timeouts) {
    return IamClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(AwsClients.http(timeouts))
        .overrideConfiguration(AwsClients.overrides(timeouts))
        .build();
  }

  /**
   * The access keys adapter. STS clients are built per test with the new key's credentials (the
   * function's own never sign GetCallerIdentity), sharing one HTTP client.
   */
  @Singleton
  public IamAccessKeys iamAccessKeys(BeanProvider<IamClient> iam, AwsTimeouts timeouts) {
    SdkHttpClient http = AwsClients.http(timeouts).build();
    return new IamAccessKeys(
        iam::get,
        credentials ->
            StsClient.builder()
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(AwsClients.overrides(timeouts))
                .build(),
        IamAccessKeys.Propagation.standard());
  }

  /**
   * Vendors that accept generated values (the database users) and adapters for vendor-issued
   * credentials (Heroku authorizations, IAM access keys).
   */
  @Singleton
  public Vendors vendors(
      HerokuAuthorizations heroku, IamAccessKeys iamAccessKeys, DatabaseVendors databases) {
    List<Vendor> accepting = new ArrayList<>(databases.vendors());
    return new Vendors(accepting, List.of(heroku, iamAccessKeys));
  }

  /** Stops and retires superseded vendor-issued credentials (finishSecret, next rotation). */
  @Singleton
  public CredentialRetirement credentialRetirement(
      InventoryStore inventory,
      SecretStages secrets,
      Vendors vendors,
      CredentialLedger ledger,
      AuditLog audit,
      Clock clock,
      @Named("actor") String actor) {
    return new CredentialRetirement(inventory, secrets, vendors, ledger, audit, clock, actor);
  }

  @Singleton
  public RotationJournal rotationJournal(
      RotationStore rotations, AuditLog audit, Clock clock, @Named("actor") String actor) {
    return new RotationJournal(rotations, audit, clock, actor);
  }

  @Singleton
  public RotationService rotationService(
      InventoryStore inventory,
      SecretStages secrets,
      GeneratorRegistry generators,
      Vendors vendors,
      RotationJournal journal,
      EventPublisher events,
      Metrics metrics,
      CredentialLedger ledger,
      CredentialRetirement retirement,
      Clock clock,
      FinishHook finishHook,
      RotationPrecheck precheck) {
    return new RotationService(
        inventory,
        secrets,
        generators,
        vendors,
        journal,
        events,
        IssuedValueRetry.standard(),
        metrics,
        ledger,
        retirement,
        clock,
        finishHook,
        precheck);
  }

  /** The four steps driven here (keyturn rotate --in-process, operator-assisted rotation). */
  @Singleton
  public DrivenRotation drivenRotation(SecretStages secrets, RotationService service, Clock clock) {
    return new DrivenRotation(secrets, service, clock);
  }

  /**
   * Retire-at-vendor tasks; {@code keyturn.retire.within} (env {@code KEYTURN_RETIRE_WITHIN},
   * default 7 days) is how long the old credential may stay valid at the vendor.
   */
  @Singleton
  public RetireTasks retireTasks(
      RetireTaskStore store,
      AuditLog audit,
      Clock clock,
      @Named("actor") String actor,
      @Value("${keyturn.retire.within:7d}") Duration within) {
    return new RetireTasks(store, audit, clock, actor, within);
  }

  @Singleton
  public OperatorRotation operatorRotation(
      DrivenRotation driven, ParameterRotation parameters, RetireTasks tasks) {
    return new OperatorRotation(driven, parameters, tasks);
  }

  /** First-time generation: creates a missing source with its first value. */
  @Singleton
  public FirstValue firstValue(
      SecretDescriber secrets,
      SecretCreator secretCreator,
      ParameterStore parameters,
      ParameterCreator parameterCreator,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      @Named("actor") String actor) {
    return new FirstValue(
        secrets,
        secretCreator,
        parameters,
        parameterCreator,
        generators,
        rotations,
        audit,
        events,
        clock,
        actor);
  }

  /** "Rotate this SSM entry now": what the sweep runs for each due entry and the CLI on demand. */
  @Singleton
  public ParameterRotation parameterRotation(
      ParameterStore parameters,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      @Named("actor") String actor,
      RotationPrecheck precheck) {
    return new ParameterRotation(
        parameters, generators, rotations, audit, events, clock, actor, precheck);
  }

  @Singleton
  public SweepService sweepService(
      InventoryStore inventory,
      ParameterStore parameters,
      ParameterRotation rotation,
      RotationStore rotations,
      RetireTaskStore retireTasks,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      @Named("actor") String actor,
      Metrics metrics) {
    return new SweepService(
        inventory,
        parameters,
        rotation,
        rotations,
        retireTasks,
        audit,
        events,
        clock,
        actor,
        metrics);
  }

  /**
   * The rotation life cycle, run after each sweep. {@code keyturn.lifecycle.confirm-deadline}
   * (default 24h): how long a finished rotation may wait for {@code confirmed} before it counts as
   * {@code RotationsStuck}. {@code keyturn.lifecycle.retire-grace} (default 1h): how long after
   * {@code confirmed} the old version stays live before it is retired.
   */
  @Singleton
  public LifecycleService lifecycleService(
      InventoryStore inventory,
      RotationStore rotations,
      SyncStateStore syncState,
      SenderPushStore pushes,
      SenderSightings sightings,
      SecretStages secrets,
      ParameterStore parameters,
      Vendors vendors,
      CredentialRetirement retirement,
      AuditLog audit,
      Metrics metrics,
      Clock clock,
      @Named("actor") String actor,
      @Value("${keyturn.lifecycle.confirm-deadline:24h}") Duration confirmDeadline,
      @Value("${keyturn.lifecycle.retire-grace:1h}") Duration retireGrace) {
    return new LifecycleService(
        inventory,
        rotations,
        new RotatedSources(secrets, parameters),
        new Consumers(syncState, pushes, sightings),
        new OldVersions(secrets, parameters, vendors, retirement),
        audit,
        metrics,
        clock,
        actor,
        confirmDeadline,
        retireGrace);
  }
}
