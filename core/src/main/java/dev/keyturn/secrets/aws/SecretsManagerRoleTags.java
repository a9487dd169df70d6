package dev.keyturn.secrets.aws;

import dev.keyturn.secrets.SecretNotFoundException;
import dev.keyturn.secrets.SecretRoleTags;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The {@value SecretRoleTags#KEY} tag through Secrets Manager's ListSecrets (filtered by tag key
 * and value, so the listing is exactly the tagged secrets), TagResource and UntagResource. Both
 * writes are idempotent in the API itself, so the SDK's retries are safe.
 */
public final class SecretsManagerRoleTags implements SecretRoleTags {

  private final SecretsManagerClient client;

  public SecretsManagerRoleTags(SecretsManagerClient client) {
    this.client = client;
  }

  @Override
  public List<TaggedSecret> taggedWith(String role) {
    List<TaggedSecret> out = new ArrayList<>();
    client
        .listSecretsPaginator(b ->
            b.filters(
                Filter.builder().key(FilterNameStringType.TAG_KEY).values(KEY).build(),
                Filter.builder().key(FilterNameStringType.TAG_VALUE).values(role).build()))
        .stream()
        .flatMap(page -> page.secretList().stream())
        // the two filters match key and value independently: keep the secrets whose KEY is role
        .filter(s -> hasRole(s, role))
        .forEach(s -> out.add(new TaggedSecret(s.name(), s.arn())));
    return out;
  }

  private static boolean hasRole(SecretListEntry secret, String role) {
    return secret.hasTags()
        && secret.tags().stream().anyMatch(t -> KEY.equals(t.key()) && role.equals(t.value()));
  }

  @Override
  public void tag(String secretId, String role) {
    try {
      client.tagResource(
          b -> b.secretId(secretId).tags(Tag.builder().key(KEY).value(role).build()));
    } catch (ResourceNotFoundException missing) {
      throw new SecretNotFoundException(secretId);
    }
  }

  @Override
  public void untag(String secretId) {
    try {
      client.untagResource(b -> b.secretId(secretId).tagKeys(KEY));
    } catch (ResourceNotFoundException gone) {
      // a deleted secret carries no tag
    }
  }
}
