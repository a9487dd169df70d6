package dev.keyturn.local.lambda;

import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalSdk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A rotation Lambda that does nothing (a Python function returning None, with an IAM role Lambda
 * may assume), created in a local AWS so that RotateSecret accepts a rotation there.
 */
public final class NoOpRotationFunction {

  private static final String ASSUME_ROLE_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
          + "\"Action\":\"sts:AssumeRole\"}]}";

  private NoOpRotationFunction() {}

  /** Creates the role and the function at {@code endpoint}; returns the function's ARN. */
  public static String create(URI endpoint) {
    try (IamClient iam = LocalSdk.client(IamClient.builder(), endpoint, Region.AWS_GLOBAL);
        LambdaClient lambda =
            LocalSdk.client(LambdaClient.builder(), endpoint, Region.of(LocalAws.REGION))) {
      String name = "keyturn-cli-rotation-" + UUID.randomUUID();
      String role =
          iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(ASSUME_ROLE_POLICY))
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
