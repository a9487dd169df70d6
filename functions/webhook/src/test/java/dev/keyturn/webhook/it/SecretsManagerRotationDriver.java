package dev.keyturn.webhook.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/**
 * Plays Secrets Manager's part of a rotation against moto (a copy of the rotate function's test
 * driver; the testing module lacks the IAM and Lambda clients it needs): moto's RotateSecret makes
 * the AWSPENDING version (without a value) and turns rotation on only when a rotation Lambda
 * exists, so this creates a do-nothing one once per moto state (with Lambda's docker backend off);
 * the test then sends the four step events to the real handler, as Secrets Manager would.
 */
public final class SecretsManagerRotationDriver {

  private final URI motoEndpoint;
  private final SecretsManagerClient secretsManager;
  private String rotationLambdaArn;

  /** Clients with default settings (the test harness points them at moto). */
  public SecretsManagerRotationDriver(URI motoEndpoint) {
    this.motoEndpoint = motoEndpoint;
    this.secretsManager = SecretsManagerClient.create();
  }

  public SecretsManagerClient secretsManager() {
    return secretsManager;
  }

  /** Sets moto up to accept RotateSecret. Call again after a moto reset. */
  public void prepareMoto() {
    postMotoConfig("{\"lambda\":{\"use_docker\":false}}");
    try (IamClient iam =
            IamClient.builder().region(software.amazon.awssdk.regions.Region.AWS_GLOBAL).build();
        LambdaClient lambda = LambdaClient.create()) {
      String roleName = "keyturn-rotation-" + UUID.randomUUID();
      String role =
          iam.createRole(b ->
                  b.roleName(roleName)
                      .assumeRolePolicyDocument(
                          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                              + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                              + "\"Action\":\"sts:AssumeRole\"}]}"))
              .role()
              .arn();
      rotationLambdaArn =
          lambda
              .createFunction(b ->
                  b.functionName(roleName)
                      .runtime(Runtime.PYTHON3_12)
                      .role(role)
                      .handler("lambda_function.lambda_handler")
                      .code(c -> c.zipFile(SdkBytes.fromByteArray(noOpZip()))))
              .functionArn();
    }
  }

  /** A new secret holding {@code value} at AWSCURRENT; returns its ARN. */
  public CreateSecretResponse createSecret(String name, String value) {
    return secretsManager.createSecret(b -> b.name(name).secretString(value));
  }

  /**
   * RotateSecret with a fresh token: moto labels the token's version AWSPENDING (no value) and
   * turns rotation on.
   */
  public String startRotation(String secretId) {
    if (rotationLambdaArn == null) {
      throw new IllegalStateException("call prepareMoto() first");
    }
    String token = UUID.randomUUID().toString();
    secretsManager.rotateSecret(b ->
        b.secretId(secretId)
            .clientRequestToken(token)
            .rotationLambdaARN(rotationLambdaArn)
            .rotationRules(r -> r.automaticallyAfterDays(30L)));
    return token;
  }

  /** Version id to labels, as DescribeSecret reports them. */
  public Map<String, List<String>> stages(String secretId) {
    return secretsManager.describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
  }

  /** The value stored at a version, read by version id (labels ignored). */
  public String valueOf(String secretId, String versionId) {
    return secretsManager
        .getSecretValue(b -> b.secretId(secretId).versionId(versionId))
        .secretString();
  }

  private void postMotoConfig(String json) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(motoEndpoint.resolve("/moto-api/config"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(json))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("moto config answered HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] noOpZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("lambda_function.py"));
      zip.write("def lambda_handler(event, context):\n    return None\n".getBytes());
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
