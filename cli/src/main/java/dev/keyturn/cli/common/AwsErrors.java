package dev.keyturn.cli.common;

import java.util.Optional;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * AWS failures an operator can fix, as one line naming the setting and how to set it: no region, no
 * credentials, a table that is not there (exit 2), a service that does not answer (exit 1, naming
 * its endpoint). Anything else is left to the generic handler.
 */
final class AwsErrors {

  /**
   * One line and an exit code.
   *
   * @param message without the {@code keyturn: } prefix
   */
  record Translated(String message, int exitCode) {}

  static final String NO_REGION =
      "no AWS region: set AWS_REGION or pass --region (or give the profile a region in"
          + " ~/.aws/config)";

  private AwsErrors() {}

  /**
   * @param table the table the command used (for "no table named ..."), or null
   * @param region the region it was given with --region, or null for the environment's
   * @param profile the profile it was given with --profile, or null for the environment's
   */
  static Optional<Translated> translate(
      Throwable error, String table, String region, String profile) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof ResourceNotFoundException) {
        return Optional.of(noTable(table, region));
      }
      if (e instanceof SdkClientException client) {
        return Optional.ofNullable(client(client, profile));
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return Optional.empty();
  }

  private static Translated client(SdkClientException e, String givenProfile) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("Unable to load region")) {
      return new Translated(NO_REGION, ExitCode.USAGE);
    }
    if (message.startsWith("Unable to load credentials")) {
      return new Translated(noCredentials(givenProfile), ExitCode.USAGE);
    }
    return CallWatch.lastFailed()
        .map(call ->
            new Translated(
                "no answer from "
                    + call.describe()
                    + " ("
                    + reason(e)
                    + "): check the network, or --endpoint-url / AWS_ENDPOINT_URL",
                ExitCode.FINDINGS))
        .orElse(null);
  }

  private static String reason(SdkClientException e) {
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return "timed out";
    }
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (c instanceof java.net.SocketTimeoutException) {
        return "timed out";
      }
      if (c instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
    }
    return "no response";
  }

  private static String noCredentials(String givenProfile) {
    String profile = givenProfile != null ? givenProfile : System.getenv("AWS_PROFILE");
    return "no AWS credentials"
        + (profile == null ? "" : " for profile " + profile)
        + ": set AWS_PROFILE or pass --profile (a profile with credentials or SSO: aws sso login"
        + " --profile NAME), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
  }

  private static Translated noTable(String table, String givenRegion) {
    String region =
        givenRegion != null
            ? givenRegion
            : CallWatch.lastFailed().map(CallWatch.Call::region).orElse(null);
    String where =
        (region == null ? "" : " in " + region)
            + CallWatch.lastFailed().map(c -> " (DynamoDB at " + c.endpoint() + ")").orElse("");
    return new Translated(
        "no table named "
            + (table == null ? "?" : table)
            + where
            + ": set KEYTURN_TABLE or pass --table (the StateTableName output of the stack)",
        ExitCode.USAGE);
  }
}
