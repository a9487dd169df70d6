package dev.keyturn.benchmarks.coldstart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager's part of a rotation in moto: RotateSecret makes the AWSPENDING version and turns
 * rotation on only when a rotation Lambda exists, so a do-nothing one is created (docker off).
 */
final class MotoRotation {

  private final String lambdaArn;

  private MotoRotation(String lambdaArn) {
    this.lambdaArn = lambdaArn;
  }

  static MotoRotation prepare(URI moto) {
    post(moto.resolve("/moto-api/config"), "{\"lambda\":{\"use_docker\":false}}");
    try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).build();
        LambdaClient lambda = LambdaClient.create()) {
      String name = "keyturn-coldstart-" + UUID.randomUUID();
      String role =
          iam.createRole(b ->
                  b.roleName(name)
                      .assumeRolePolicyDocument(
                          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                              + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                              + "\"Action\":\"sts:AssumeRole\"}]}"))
              .role()
              .arn();
      return new MotoRotation(
          lambda
              .createFunction(b ->
                  b.functionName(name)
                      .runtime(Runtime.PYTHON3_12)
                      .role(role)
                      .handler("lambda_function.lambda_handler")
                      .code(c -> c.zipFile(SdkBytes.fromByteArray(noOpZip()))))
              .functionArn());
    }
  }

  /** RotateSecret with {@code token}: the token's version becomes AWSPENDING, without a value. */
  void start(SecretsManagerClient secretsManager, String secretId, String token) {
    secretsManager.rotateSecret(b ->
        b.secretId(secretId)
            .clientRequestToken(token)
            .rotationLambdaARN(lambdaArn)
            .rotationRules(r -> r.automaticallyAfterDays(30L)));
  }

  private static void post(URI uri, String json) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri)
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
      zip.write(
          "def lambda_handler(event, context):\n    return None\n"
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
