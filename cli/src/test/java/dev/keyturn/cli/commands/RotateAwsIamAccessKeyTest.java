package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code keyturn rotate} of an {@code aws-iam-access-key} entry against moto's IAM and STS: IAM
 * issues a new key next to the current one and the old key stays active until the life cycle
 * retires it; the next rotation is refused (and {@code status} says why) until the last one is
 * confirmed, or forced; no secret access key reaches the output.
 */
@WithLocalAws
class RotateAwsIamAccessKeyTest {

  static final String NAME = "AWS_INFISICAL_BOOTSTRAP";
  static final String ID = "kt-cli/aws-infisical-bootstrap";
  static final String USER = "kt-cli-bootstrap";

  private final IamClient iam =
      IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();

  @AfterEach
  void close() {
    iam.close();
  }

  @Test
  void inProcess_issuesANewKey_keepsTheOldActive_refusesTheNextUntilConfirmed_orForced(
      LocalAws aws) {
    iam.createUser(b -> b.userName(USER).path("/keyturn-rotated/"));
    AccessKey first = iam.createAccessKey(b -> b.userName(USER)).accessKey();
    SeededSecrets.register(first.secretAccessKey());
    try (SecretsManagerClient sm = SecretsManagerClient.create()) {
      sm.createSecret(b ->
          b.name(ID)
              .secretString(
                  Json.write(
                      Map.of(
                          "accessKeyId",
                          first.accessKeyId(),
                          "secretAccessKey",
                          first.secretAccessKey()))));
    }
    CliWorld world = CliWorld.seed(aws, entry());

    // no rotation Lambda on the secret: --in-process drives the four steps itself
    CliResult r = Cli.run("rotate", NAME, "--in-process");

    JsonNode second = stored(world);
    assertThat(r.all().contains(second.get("secretAccessKey").asText()))
        .as("the new secret access key is not printed")
        .isFalse();
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("issued", "live-at-vendor", "proven-at-vendor", "finished");
    String secondId = second.get("accessKeyId").asText();
    assertThat(secondId).isNotEqualTo(first.accessKeyId());
    assertThat(keys())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(first.accessKeyId(), "Active", secondId, "Active"));
    assertThat(callerArn(second)).endsWith(":user/keyturn-rotated/" + USER);

    CliResult refused = Cli.run("rotate", NAME, "--in-process");

    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.all())
        .contains("is finished", "not yet confirmed", "keyturn rotate " + NAME + " --force");
    assertThat(keys())
        .as("the last rotation is not confirmed: the first key is kept, nothing issued")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(first.accessKeyId(), "Active", secondId, "Active"));

    CliResult status = Cli.run("status");
    CliResult json = Cli.run("status", "--json");

    assertThat(status.exit()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains("Next rotation refused", NAME + ": the last rotation (version ")
        .contains("is finished", "not yet confirmed");
    JsonNode row = entryRow(Json.tree(json.out()));
    assertThat(row.get("refusal").asText()).contains("not yet confirmed");

    CliResult forced = Cli.run("rotate", NAME, "--in-process", "--force");

    String thirdId = stored(world).get("accessKeyId").asText();
    assertThat(forced.exit()).as(forced.toString()).isZero();
    assertThat(keys())
        .as("forced: the first key deleted for a slot; the second works until the life cycle")
        .containsExactlyInAnyOrderEntriesOf(Map.of(secondId, "Active", thirdId, "Active"));
  }

  private static JsonNode entryRow(JsonNode statusJson) {
    JsonNode rows = statusJson.isArray() ? statusJson : statusJson.path("entries");
    for (JsonNode row : rows) {
      if (NAME.equals(row.path("name").asText())) {
        return row;
      }
    }
    throw new AssertionError("no status row for " + NAME + " in " + statusJson);
  }

  private JsonNode stored(CliWorld world) {
    JsonNode value = Json.tree(world.secretValue(ID));
    SeededSecrets.register(value.get("secretAccessKey").asText());
    return value;
  }

  private Map<String, String> keys() {
    Map<String, String> keys = new TreeMap<>();
    for (AccessKeyMetadata k : iam.listAccessKeys(b -> b.userName(USER)).accessKeyMetadata()) {
      keys.put(k.accessKeyId(), k.statusAsString());
    }
    return keys;
  }

  private static String callerArn(JsonNode key) {
    try (StsClient sts =
        StsClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        key.get("accessKeyId").asText(), key.get("secretAccessKey").asText())))
            .build()) {
      return sts.getCallerIdentity().arn();
    }
  }

  private static String entry() {
    return """
      - name: %s
        source: {secretsManager: %s}
        tags: {function: platform-api, sensitivity: high, consumer: operator, rotation: 30d}
        environments: [prod]
        scope: account
        review: "cli test review"
        generator: {type: aws-iam-access-key, user: %s}
        expiresAt: non-expiring
        scopes: [bootstrap]
        references: [infisical/bootstrap.tf]
    """
        .formatted(NAME, ID, USER);
  }
}
