package dev.keyturn.testing.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * The tags a call's secrets carry when the call is made, read from the same endpoint the call goes
 * to (moto) with DescribeSecret, so an {@code secretsmanager:ResourceTag} condition is evaluated on
 * the real tags, not on what a test believes they are. The look-up is a plain HTTP request in
 * Secrets Manager's JSON protocol, not an SDK call, so neither this recorder nor a test's own call
 * counter sees it. A secret that does not exist has no tags (IAM then refuses a tag-conditioned
 * grant, as AWS does). Only for calls to an overridden endpoint: against AWS itself nothing is
 * looked up. Only Secrets Manager reads are looked up, the calls a tag condition scopes here.
 */
final class ResourceTags {

  /** The reads a tag condition scopes; writes and other services are not looked up. */
  private static final Set<String> READS =
      Set.of(
          "secretsmanager:GetSecretValue",
          "secretsmanager:DescribeSecret",
          "secretsmanager:BatchGetSecretValue");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResourceTags() {}

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
    for (String secret : resources) {
      out.put(secret, tagsOf(endpoint, region, secret));
    }
    return out;
  }

  private static Map<String, String> tagsOf(URI endpoint, Region region, String secret) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/x-amz-json-1.1")
              .header("X-Amz-Target", "secretsmanager.DescribeSecret")
              // the emulator reads the region from the credential scope; it checks no signature
              .header(
                  "Authorization",
                  "AWS4-HMAC-SHA256 Credential=test/20260101/"
                      + region.id()
                      + "/secretsmanager/aws4_request, SignedHeaders=host, Signature=0")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      JSON.writeValueAsString(Map.of("SecretId", secret))))
              .build();
      HttpResponse<String> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> tags = new LinkedHashMap<>();
      if (response.statusCode() == 200) {
        for (JsonNode tag : JSON.readTree(response.body()).path("Tags")) {
          tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
      }
      return tags; // not found (or any other answer): no tags, so a tag condition fails
    } catch (IOException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }
}
