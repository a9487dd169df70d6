package dev.keyturn.testing.iam;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The tags a call's secrets carry when the call is made, read from the same endpoint the call goes
 * to (moto) with DescribeSecret, so an {@code secretsmanager:ResourceTag} condition is evaluated on
 * the real tags, not on what a test believes they are. The look-up is the recorder's own call: it
 * is not recorded. A secret that does not exist has no tags (IAM then refuses a tag-conditioned
 * grant, as AWS does). Only for calls to an overridden endpoint: against AWS itself nothing is
 * looked up. Only Secrets Manager reads are looked up, the calls a tag condition scopes here.
 */
final class ResourceTags {

  /** Set while the recorder's own look-up runs, so that call is not recorded. */
  private static final ThreadLocal<Boolean> LOOKING_UP = ThreadLocal.withInitial(() -> false);

  private static final Map<String, SecretsManagerClient> CLIENTS = new ConcurrentHashMap<>();

  /** The reads a tag condition scopes; writes and other services are not looked up. */
  private static final Set<String> READS =
      Set.of(
          "secretsmanager:GetSecretValue",
          "secretsmanager:DescribeSecret",
          "secretsmanager:BatchGetSecretValue");

  private ResourceTags() {}

  static boolean lookingUp() {
    return LOOKING_UP.get();
  }

  /**
   * Each named secret's tags (empty for one that does not exist) for a Secrets Manager read; none
   * for any other call.
   */
  static Map<String, Map<String, String>> of(
      String action, List<String> resources, ExecutionAttributes attributes) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    URI endpoint = attributes.getAttribute(SdkExecutionAttribute.CLIENT_ENDPOINT);
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    if (!READS.contains(action)
        || resources.isEmpty()
        || endpoint == null
        || region == null
        || !Boolean.TRUE.equals(
            attributes.getAttribute(SdkExecutionAttribute.ENDPOINT_OVERRIDDEN))) {
      return out;
    }
    SecretsManagerClient client =
        CLIENTS.computeIfAbsent(endpoint + "|" + region, k -> client(endpoint, region));
    LOOKING_UP.set(true);
    try {
      for (String secret : resources) {
        out.put(secret, tagsOf(client, secret));
      }
    } finally {
      LOOKING_UP.set(false);
    }
    return out;
  }

  private static Map<String, String> tagsOf(SecretsManagerClient client, String secret) {
    try {
      var described = client.describeSecret(b -> b.secretId(secret));
      Map<String, String> tags = new LinkedHashMap<>();
      if (described.hasTags()) {
        described.tags().forEach(t -> tags.put(t.key(), t.value()));
      }
      return tags;
    } catch (ResourceNotFoundException missing) {
      return Map.of();
    }
  }

  private static SecretsManagerClient client(URI endpoint, Region region) {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
