package dev.keyturn.cli.common;

import picocli.CommandLine.Option;

/**
 * How to reach AWS, as the {@code aws} CLI takes it: {@code --profile}, {@code --region}, {@code
 * --endpoint-url}, each overriding its environment variable for this command only, and {@code
 * --debug}. Every command that talks to AWS has these (through {@link AwsOptions}, or alone where
 * no table is involved).
 */
public final class AwsConnection {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "AWS profile for credentials and region (default: $AWS_PROFILE)")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "AWS region (default: $AWS_REGION, else the profile's region)")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "send every AWS call to this URL, e.g. LocalStack (default: $AWS_ENDPOINT_URL and"
              + " $AWS_ENDPOINT_URL_<SERVICE>)")
  String endpointUrl;

  @Option(
      names = "--debug",
      description =
          "log each AWS call and keyturn's own steps on stderr, and show the stack trace of an"
              + " error (names and ids only, never a value)")
  boolean debug;

  /** Applies the options to the SDK's settings until the returned handle is closed. */
  SdkSettings applySdkSettings() {
    return SdkSettings.apply(profile, region, endpointUrl);
  }

  boolean debug() {
    return debug;
  }
}
