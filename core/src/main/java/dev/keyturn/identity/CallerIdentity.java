package dev.keyturn.identity;

/**
 * Who AWS says is calling: STS {@code GetCallerIdentity}'s answer. Not a credential.
 *
 * @param arn the principal, e.g. {@code arn:aws:sts::123456789012:assumed-role/ops/alice}
 * @param account the account id
 * @param userId the unique id of the principal (for a role session: role id and session name)
 */
public record CallerIdentity(String arn, String account, String userId) {}
