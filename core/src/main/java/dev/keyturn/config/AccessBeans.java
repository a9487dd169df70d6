package dev.keyturn.config;

import dev.keyturn.access.AccessAudit;
import dev.keyturn.access.AuditedSecretSource;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.aws.AwsSecretSource;
import dev.keyturn.state.InventoryStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * In a person's process (the CLI's environment {@value #CLI}), every secret value read is audited
 * ({@link AuditedSecretSource}): {@code run}, {@code .env} sync, {@code status --check-heroku},
 * {@code verify-webhook --secret-id}, and whatever reads values next. The functions audit what they
 * do with values in their own events (rotation steps, sync.patch), so they read unaudited.
 * Configuration: {@code keyturn.access.actor} (the OS user hint) and {@code keyturn.access.purpose}
 * (the command).
 */
@Factory
@Requires(env = AccessBeans.CLI)
public class AccessBeans {

  /** The Micronaut environment the CLI starts its beans in. */
  public static final String CLI = "cli";

  @Singleton
  public AccessAudit accessAudit(
      AuditLog audit,
      CallerIdentityReader identity,
      Clock clock,
      @Value("${keyturn.access.actor:keyturn-cli:unknown}") String actor,
      @Value("${keyturn.access.purpose:cli}") String purpose) {
    return new AccessAudit(audit, identity, clock, actor, purpose);
  }

  @Singleton
  @Replaces(bean = SecretSource.class, factory = CoreBeans.class)
  public SecretSource auditedSecretSource(
      SecretsManagerClient secretsManager,
      BeanProvider<SsmClient> ssm,
      SecretDescriber describer,
      InventoryStore inventory,
      AccessAudit access) {
    return new AuditedSecretSource(
        new AwsSecretSource(secretsManager, ssm::get, describer), inventory, access);
  }
}
