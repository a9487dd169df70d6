package dev.keyturn.config;

import dev.keyturn.audit.AttributedAuditLog;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.events.aws.EventBridgePublisher;
import dev.keyturn.evidence.Signatures;
import dev.keyturn.evidence.aws.KmsSignatures;
import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.identity.RememberedCallerIdentity;
import dev.keyturn.identity.aws.StsCallerIdentityReader;
import dev.keyturn.observability.InvocationMdc;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretRoleTagging;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.aws.AwsSecretSource;
import dev.keyturn.secrets.aws.SecretsManagerRoleTags;
import dev.keyturn.secrets.aws.SecretsManagerSecrets;
import dev.keyturn.secrets.aws.SsmParameterStore;
import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.RetireTaskStore;
import dev.keyturn.state.RevocationStore;
import dev.keyturn.state.RotationOverrideStore;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.SenderPushStore;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoCredentialLedger;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.DynamoLeaseStore;
import dev.keyturn.state.dynamodb.DynamoReplayGuard;
import dev.keyturn.state.dynamodb.DynamoRetireTaskStore;
import dev.keyturn.state.dynamodb.DynamoRevocationStore;
import dev.keyturn.state.dynamodb.DynamoRotationOverrideStore;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.state.dynamodb.DynamoSenderPushStore;
import dev.keyturn.state.dynamodb.DynamoSenderSightings;
import dev.keyturn.state.dynamodb.DynamoSyncStateStore;
import dev.keyturn.state.dynamodb.StateTable;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Binds the domain ports to their AWS adapters. Configuration: {@code keyturn.table} (env {@code
 * KEYTURN_TABLE}) and {@code keyturn.event-bus} (env {@code KEYTURN_EVENT_BUS}, default {@code
 * keyturn}). Lambda contexts create every singleton eagerly (micronaut-function-aws), which also
 * warms them before a SnapStart snapshot; the CLI creates them on demand.
 */
@Factory
public class CoreBeans {

  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  public StateTable stateTable(DynamoDbClient dynamoDb, @Value("${keyturn.table}") String table) {
    return new StateTable(dynamoDb, table);
  }

  @Singleton
  public InventoryStore inventoryStore(StateTable table) {
    return new DynamoInventoryStore(table);
  }

  @Singleton
  public RotationStore rotationStore(StateTable table) {
    return new DynamoRotationStore(table);
  }

  @Singleton
  public RetireTaskStore retireTaskStore(StateTable table) {
    return new DynamoRetireTaskStore(table);
  }

  @Singleton
  public CredentialLedger credentialLedger(StateTable table) {
    return new DynamoCredentialLedger(table);
  }

  @Singleton
  public RevocationStore revocationStore(StateTable table) {
    return new DynamoRevocationStore(table);
  }

  @Singleton
  public SenderPushStore senderPushStore(StateTable table) {
    return new DynamoSenderPushStore(table);
  }

  @Singleton
  public SenderSightings senderSightings(StateTable table) {
    return new DynamoSenderSightings(table);
  }

  @Singleton
  public RotationOverrideStore rotationOverrideStore(StateTable table) {
    return new DynamoRotationOverrideStore(table);
  }

  @Singleton
  public SyncStateStore syncStateStore(StateTable table) {
    return new DynamoSyncStateStore(table);
  }

  @Singleton
  public LeaseStore leaseStore(StateTable table) {
    return new DynamoLeaseStore(table);
  }

  @Singleton
  public ReplayGuard replayGuard(StateTable table) {
    return new DynamoReplayGuard(table);
  }

  /**
   * Who AWS says this process is (STS), asked once: the actor of every audit event. The STS client
   * is built on that first question: a request that audits nothing (an accepted webhook delivery)
   * never builds it.
   */
  @Singleton
  public CallerIdentityReader callerIdentity(BeanProvider<StsClient> sts) {
    return new RememberedCallerIdentity(() -> new StsCallerIdentityReader(sts.get()).current());
  }

  /**
   * Every event names the STS principal as its actor, and in Lambda the invocation's triggering
   * event (see {@link AttributedAuditLog}).
   */
  @Singleton
  public AuditLog auditLog(StateTable table, CallerIdentityReader identity) {
    return new AttributedAuditLog(
        new DynamoAuditLog(table), identity, InvocationMdc::triggeringEventId);
  }

  /**
   * Secrets Manager's versions and labels: the {@code SecretDescriber}, {@code SecretStages},
   * {@code RotationStarter} and {@code SecretCreator} ports.
   */
  @Singleton
  public SecretsManagerSecrets secretsManagerSecrets(SecretsManagerClient secretsManager) {
    return new SecretsManagerSecrets(secretsManager);
  }

  /** The {@code keyturn:role} tags that scope each role's secret reads ({@code keyturn apply}). */
  @Singleton
  public SecretRoleTagging secretRoleTagging(SecretsManagerClient secretsManager) {
    return new SecretRoleTagging(new SecretsManagerRoleTags(secretsManager));
  }

  /** SSM parameters' versions and labels: the {@code ParameterStore} and creator ports. */
  @Singleton
  public SsmParameterStore parameterStore(SsmClient ssm) {
    return new SsmParameterStore(ssm);
  }

  /** The SSM client on first use: see {@link AwsSecretSource}. */
  @Singleton
  public SecretSource secretSource(
      SecretsManagerClient secretsManager, BeanProvider<SsmClient> ssm, SecretDescriber describer) {
    return new AwsSecretSource(secretsManager, ssm::get, describer);
  }

  /** KMS signing for evidence bundles (the CLI's {@code keyturn evidence}). */
  @Singleton
  public Signatures signatures(KmsClient kms) {
    return new KmsSignatures(kms);
  }

  @Singleton
  public EventPublisher eventPublisher(
      BeanProvider<EventBridgeClient> eventBridge,
      @Value("${keyturn.event-bus:keyturn}") String bus) {
    return new EventBridgePublisher(eventBridge::get, bus);
  }
}
