package dev.keyturn.local.moto;

import dev.keyturn.local.EmulatorStartException;
import dev.keyturn.local.lambda.NoOpRotationFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A do-nothing rotation Lambda in moto. moto's RotateSecret labels the new version AWSPENDING and
 * turns rotation on only when a rotation Lambda exists; with Lambda's docker backend off, moto
 * "invokes" it without running anything, so whoever plays the function (the CLI's --in-process, the
 * demo, or a test) runs the steps.
 */
final class MotoRotationLambda {

  private MotoRotationLambda() {}

  /** Configures moto and creates the function; returns its ARN. Again after a moto reset. */
  static String create(URI motoEndpoint) {
    postMotoConfig(motoEndpoint, "{\"lambda\":{\"use_docker\":false}}");
    return NoOpRotationFunction.create(motoEndpoint);
  }

  private static void postMotoConfig(URI moto, String json) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(moto.resolve("/moto-api/config"))
                      .timeout(Duration.ofSeconds(60))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(json))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new EmulatorStartException(
            MotoServer.NAME, "config answered HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new EmulatorStartException(MotoServer.NAME, "config call failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorStartException(MotoServer.NAME, "interrupted during config", e);
    }
  }
}
