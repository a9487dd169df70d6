package dev.keyturn.testing.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A do-nothing rotation Lambda in moto. moto's RotateSecret labels the new version AWSPENDING and
 * turns rotation on only when a rotation Lambda exists; with Lambda's docker backend off, moto
 * "invokes" it without running anything, so whoever plays the function (the CLI's --in-process, the
 * demo, or a test) runs the steps.
 */
public final class MotoRotationLambda {

  private MotoRotationLambda() {}

  /** Configures moto and creates the function; returns its ARN. Again after a moto reset. */
  public static String create(URI motoEndpoint) {
    postMotoConfig(motoEndpoint, "{\"lambda\":{\"use_docker\":false}}");
    try (IamClient iam =
            IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        LambdaClient lambda =
            LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      String name = "keyturn-cli-rotation-" + UUID.randomUUID();
      String role =
          iam.createRole(b ->
                  b.roleName(name)
                      .assumeRolePolicyDocument(
                          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                              + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                              + "\"Action\":\"sts:AssumeRole\"}]}"))
              .role()
              .arn();
      return lambda
          .createFunction(b ->
              b.functionName(name)
                  .runtime(Runtime.PYTHON3_12)
                  .role(role)
                  .handler("lambda_function.lambda_handler")
                  .code(c -> c.zipFile(SdkBytes.fromByteArray(noOpZip()))))
          .functionArn();
    }
  }

  private static void postMotoConfig(URI moto, String json) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(moto.resolve("/moto-api/config"))
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
